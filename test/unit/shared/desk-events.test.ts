import { describe, expect, it } from 'vitest'
import { buildDeskEvents, deskEvents } from '../../../src/shared/ipc/desk-events'

function fakeTransport() {
  const handlers = new Map<string, (payload: unknown) => void>()
  const bridge = buildDeskEvents((channel, handler) => handlers.set(channel, handler))
  const send = (payload: unknown) => handlers.get(deskEvents.deepLink.channel)?.(payload)
  return { bridge, send, handlers }
}

describe('window.deskEvents', () => {
  it('listens on the channels the contract declares, and nothing else', () => {
    const { handlers } = fakeTransport()
    expect([...handlers.keys()]).toEqual(Object.values(deskEvents).map((event) => event.channel))
  })

  it('hands an event that came before any listener to the first listener, the latest only', () => {
    const { bridge, send } = fakeTransport()
    send({ n: 1 })
    send({ n: 2 })
    const seen: unknown[] = []
    bridge.onDeepLink((payload) => seen.push(payload))
    expect(seen).toEqual([{ n: 2 }])
    send({ n: 3 })
    expect(seen).toEqual([{ n: 2 }, { n: 3 }])
  })

  it('stops calling a listener once it unsubscribes', () => {
    const { bridge, send } = fakeTransport()
    const seen: unknown[] = []
    const unsubscribe = bridge.onDeepLink((payload) => seen.push(payload))
    unsubscribe()
    send({ n: 1 })
    expect(seen).toEqual([])
  })
})
