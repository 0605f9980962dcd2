import { z } from 'zod'
import { deepLinkRefusal, deskLink } from '../deep-links'

/**
 * What main tells the renderer without being asked (main → renderer), each event with the schema of
 * its payload. The preload exposes them as `window.deskEvents.on<Event>(listener)`, which returns an
 * unsubscribe function; the renderer parses every payload again before acting on it.
 */
export const deepLinkDelivery = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), link: deskLink }),
  z.strictObject({ ok: z.literal(false), reason: deepLinkRefusal })
])
export type DeepLinkDelivery = z.infer<typeof deepLinkDelivery>

export const deskEvents = {
  /** A `portaldesk://` link the operating system handed to the desk: the place to open, or why it was refused. */
  deepLink: { channel: 'deep-link:open', payload: deepLinkDelivery }
} as const satisfies Record<string, { channel: string; payload: z.ZodType }>

export type DeskEventName = keyof typeof deskEvents

/** `window.deskEvents`: one subscribe function per event; each returns its unsubscribe function. */
export type DeskEventsBridge = { [E in DeskEventName as `on${Capitalize<E>}`]: (listener: (payload: unknown) => void) => () => void }

/**
 * Builds `window.deskEvents` over a transport (ipcRenderer.on in the preload). An event that arrives
 * before the renderer listens (a link that launched the app arrives while React is still mounting) is
 * kept, the latest of each kind only, and handed to the first listener.
 */
export function buildDeskEvents(listen: (channel: string, handler: (payload: unknown) => void) => void): DeskEventsBridge {
  const bridge: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
  for (const [name, { channel }] of Object.entries(deskEvents)) {
    const listeners = new Set<(payload: unknown) => void>()
    let waiting: { payload: unknown } | null = null
    listen(channel, (payload) => {
      if (listeners.size === 0) waiting = { payload }
      for (const listener of listeners) listener(payload)
    })
    bridge[`on${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`] = (listener) => {
      listeners.add(listener)
      if (waiting) {
        const { payload } = waiting
        waiting = null
        listener(payload)
      }
      return () => listeners.delete(listener)
    }
  }
  return bridge as DeskEventsBridge
}
