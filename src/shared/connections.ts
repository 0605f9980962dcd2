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
  z.object({ id: z.string().min(1).max(64), kind: z.literal('remote'), name: connectionName, url: portalUrl, colour: savedColour })
])
export type ConnectionProfile = z.infer<typeof connectionProfile>

export function colourOf(profile: Pick<ConnectionProfile, 'colour'>): ConnectionColour {
  return profile.colour ?? defaultConnectionColour
}

export const newRemoteConnection = z.object({ name: connectionName, url: portalUrl, colour: connectionColour.optional() })
export type NewRemoteConnection = z.input<typeof newRemoteConnection>

/** What the connections store holds on disk; parsed on every load. */
export const connectionsFile = z.object({
  profiles: z.array(connectionProfile).max(100),
  activeId: z.string().nullable()
})
export type ConnectionsFile = z.infer<typeof connectionsFile>
export const emptyConnectionsFile: ConnectionsFile = { profiles: [], activeId: null }
