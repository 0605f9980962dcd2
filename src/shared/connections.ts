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

export const connectionProfile = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(64), kind: z.literal('embedded'), name: connectionName }),
  z.object({ id: z.string().min(1).max(64), kind: z.literal('remote'), name: connectionName, url: portalUrl })
])
export type ConnectionProfile = z.infer<typeof connectionProfile>

export const newRemoteConnection = z.object({ name: connectionName, url: portalUrl })
export type NewRemoteConnection = z.input<typeof newRemoteConnection>

/** What the connections store holds on disk; parsed on every load. */
export const connectionsFile = z.object({
  profiles: z.array(connectionProfile).max(100),
  activeId: z.string().nullable()
})
export type ConnectionsFile = z.infer<typeof connectionsFile>
export const emptyConnectionsFile: ConnectionsFile = { profiles: [], activeId: null }
