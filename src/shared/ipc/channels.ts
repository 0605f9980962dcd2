import { z } from 'zod'
import { deskSignInRequest } from '../auth'
import { newRemoteConnection, connectionProfile } from '../connections'
import { sessionState } from '../session'
import { accountChannels } from './channels/account-channels'
import { auditChannels } from './channels/audit-channels'
import { companyChannels } from './channels/company-channels'
import { desktopChannels } from './channels/desktop-channels'
import { helpdeskChannels } from './channels/helpdesk-channels'
import { mailChannels } from './channels/mail-channels'
import { securityChannels } from './channels/security-channels'
import { userChannels } from './channels/user-channels'

/**
 * The IPC contract: every channel the renderer may call, with the schema of what goes in and what
 * comes out. The preload builds `window.desk` from this map; the main process registers one handler
 * per entry. A channel name is `<namespace>:<action>`; `session:sign-in` becomes `desk.session.signIn`.
 */
export const channels = {
  'session:state': { input: z.void(), output: sessionState },
  'session:sign-in': { input: deskSignInRequest, output: sessionState },
  'session:sign-out': { input: z.void(), output: sessionState },
  'session:dismiss-notice': { input: z.void(), output: sessionState },
  'connections:add': { input: newRemoteConnection, output: connectionProfile },
  'connections:remove': { input: z.object({ id: z.string().min(1).max(64) }), output: sessionState },
  'connections:select': { input: z.object({ id: z.string().min(1).max(64) }), output: sessionState },
  ...userChannels,
  ...securityChannels,
  ...companyChannels,
  ...helpdeskChannels,
  ...accountChannels,
  ...auditChannels,
  ...mailChannels,
  ...desktopChannels
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ParsedChannelInput<C extends ChannelName> = z.output<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>

export const channelNames = Object.keys(channels) as ChannelName[]
