import { describe, expect, it } from 'vitest'
import { buildDeskBridge, buildDeskClient, methodName, type DeskResult } from '../../../src/shared/ipc/desk-api'
import { channelNames } from '../../../src/shared/ipc/channels'
import { DeskError } from '../../../src/shared/errors'

describe('desk api', () => {
  it('names methods in camel case under their namespace', () => {
    expect(methodName('session:sign-in')).toEqual({ namespace: 'session', method: 'signIn' })
    expect(methodName('users:list')).toEqual({ namespace: 'users', method: 'list' })
    // A digit after a dash joins like a letter, as the DeskClient type spells it (invite2fa).
    expect(methodName('security:invite-2fa')).toEqual({ namespace: 'security', method: 'invite2fa' })
  })

  it('reaches every channel at run time under the name its type promises', async () => {
    const called: string[] = []
    const client = buildDeskClient(buildDeskBridge(async (channel) => (called.push(channel), { ok: true, value: null })))
    await client.security.invite2fa({ id: 1 })
    await client.security.disable2fa({ id: 1 })
    await client.users.deletePaymentMethod({ id: 1, paymentMethodId: 2 })
    expect(called).toEqual(['security:invite-2fa', 'security:disable-2fa', 'users:delete-payment-method'])
  })

  it('exposes exactly one function per channel and forwards the channel name', async () => {
    const calls: Array<[string, unknown]> = []
    const bridge = buildDeskBridge(async (channel, input) => {
      calls.push([channel, input])
      return { ok: true, value: channel }
    })
    const functions = Object.values(bridge).flatMap((ns) => Object.values(ns))
    expect(functions).toHaveLength(channelNames.length)
    await bridge.users.list({ kind: 'portal' })
    await bridge.session.signOut()
    expect(calls).toEqual([
      ['users:list', { kind: 'portal' }],
      ['session:sign-out', undefined]
    ])
  })

  it('turns failed results into thrown DeskErrors', async () => {
    const failing = async (): Promise<DeskResult<unknown>> => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } })
    const client = buildDeskClient(buildDeskBridge(failing))
    await expect(client.users.get({ id: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'no' })
    await expect(client.users.get({ id: 1 })).rejects.toBeInstanceOf(DeskError)
  })
})
