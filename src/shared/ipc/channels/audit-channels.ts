import { z } from 'zod'
import { auditIntegrity } from '../../audit'

/** Channels about the audit log as a whole (one user's entries are `users:audit`). */
export const auditChannels = {
  /** Whether the hash chain is intact, or its first broken row (the server reuses a walk for a minute). */
  'audit:integrity': { input: z.void(), output: auditIntegrity }
} as const
