import { z } from 'zod'
import { auditListQuery, auditPage } from '../audit'
import { loginRequest } from '../auth'
import { newRemoteConnection, connectionProfile } from '../connections'
import { paymentMethodList, signInList } from '../security'
import { sessionState } from '../session'
import { userDetail, userId, userListPage, userListQuery } from '../users'

/**
 * The IPC contract: every channel the renderer may call, with the schema of what goes in and what
 * comes out. The preload builds `window.desk` from this map; the main process registers one handler
 * per entry. A channel name is `<namespace>:<action>`; `session:sign-in` becomes `desk.session.signIn`.
 */
export const channels = {
  'session:state': { input: z.void(), output: sessionState },
  'session:sign-in': { input: loginRequest, output: sessionState },
  'session:sign-out': { input: z.void(), output: sessionState },
  'session:dismiss-notice': { input: z.void(), output: sessionState },
  'connections:add': { input: newRemoteConnection, output: connectionProfile },
  'connections:remove': { input: z.object({ id: z.string().min(1).max(64) }), output: sessionState },
  'connections:select': { input: z.object({ id: z.string().min(1).max(64) }), output: sessionState },
  'users:list': { input: userListQuery, output: userListPage },
  'users:get': { input: z.object({ id: userId }), output: userDetail },
  'users:payment-methods': { input: z.object({ id: userId }), output: paymentMethodList },
  'users:sign-ins': { input: z.object({ id: userId }), output: signInList },
  /** One user's audit timeline: the audit query, with the user required. */
  'users:audit': {
    input: auditListQuery.refine((query) => query.userId !== undefined, { message: 'userId is required', path: ['userId'] }),
    output: auditPage
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ParsedChannelInput<C extends ChannelName> = z.output<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>

export const channelNames = Object.keys(channels) as ChannelName[]
