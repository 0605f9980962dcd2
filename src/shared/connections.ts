import { z } from 'zod'

/** A portal address the desk may talk to: http(s) only, no credentials, no fragment. */
export const portalUrl = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash
    } catch {
      return false
    }
  }, 'Enter a full address that starts with http:// or https://, for example https://portal.example.com')
  .transform((value) => value.replace(/\/+$/, ''))

export const connectionName = z.string().trim().min(1).max(80)

/**
 * Loopback means this computer: 127.0.0.0/8, ::1 and the name localhost. Anything else, including
 * names that merely start with "localhost" (localhost.evil.com), is reached over a network.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/**
 * Whether an address sends passwords and session tokens in clear text across a network: http://
 * to anything but loopback. Such a connection is only made when the operator ticked "allow
 * unencrypted (testing only)"; an address that cannot be parsed is left to `portalUrl`.
 */
export function isUnencryptedRemote(url: string): boolean {
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)
  } catch {
    return false
  }
}

/** The stable name of the refusal of such a connection without the operator's choice. */
export const unencryptedNotAllowedReason = 'unencryptedNotAllowed'
export const unencryptedNotAllowedMessage =
  'This address is not encrypted (http://). Use https://, or allow an unencrypted connection (testing only).'

/** True when the profile may be connected to: https, loopback, or the operator allowed clear text. */
export function mayConnect(profile: { kind: string; url?: string; allowUnencrypted?: boolean }): boolean {
  return profile.kind !== 'remote' || profile.allowUnencrypted === true || !isUnencryptedRemote(profile.url ?? '')
}

/**
 * The colour a connection is shown in (header badge, picker), chosen when it is added, so that
 * production (say red) is never mistaken for staging. A small palette the themes can show legibly.
 */
export const connectionColours = ['grey', 'blue', 'green', 'orange', 'red', 'purple'] as const
export const connectionColour = z.enum(connectionColours)
export type ConnectionColour = z.infer<typeof connectionColour>
export const defaultConnectionColour: ConnectionColour = 'grey'

/**
 * Profiles saved before colours existed have none, and a hand-edited unknown colour is dropped
 * rather than resetting every connection: both show in `defaultConnectionColour` (see `colourOf`).
 */
const savedColour = connectionColour.optional().catch(undefined)

export const connectionProfile = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(64), kind: z.literal('embedded'), name: connectionName, colour: savedColour }),
  // A saved http:// profile without the choice still loads (never resetting the file); connecting
  // to it is refused until the choice is made (`mayConnect`).
  z.object({
    id: z.string().min(1).max(64),
    kind: z.literal('remote'),
    name: connectionName,
    url: portalUrl,
    colour: savedColour,
    allowUnencrypted: z.boolean().optional().catch(undefined)
  })
])
export type ConnectionProfile = z.infer<typeof connectionProfile>

export function colourOf(profile: Pick<ConnectionProfile, 'colour'>): ConnectionColour {
  return profile.colour ?? defaultConnectionColour
}

export const newRemoteConnection = z
  .object({ name: connectionName, url: portalUrl, colour: connectionColour.optional(), allowUnencrypted: z.boolean().optional() })
  .superRefine((value, ctx) => {
    if (!mayConnect({ kind: 'remote', ...value })) {
      ctx.addIssue({ code: 'custom', path: ['allowUnencrypted'], message: unencryptedNotAllowedMessage, params: { reason: unencryptedNotAllowedReason } })
    }
  })
export type NewRemoteConnection = z.input<typeof newRemoteConnection>

/** What the connections store holds on disk; parsed on every load. */
export const connectionsFile = z.object({
  profiles: z.array(connectionProfile).max(100),
  activeId: z.string().nullable()
})
export type ConnectionsFile = z.infer<typeof connectionsFile>
export const emptyConnectionsFile: ConnectionsFile = { profiles: [], activeId: null }
