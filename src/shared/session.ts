import { z } from 'zod'
import { operator } from './auth'
import { connectionProfile } from './connections'
import { errorCodes } from './errors'

export const localPortalStatus = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  /** Why it failed, in words, when state is `failed`. */
  error: z.string().optional()
})
export type LocalPortalStatus = z.infer<typeof localPortalStatus>

/**
 * Everything the renderer needs to draw the shell. It never holds a token: the vault keeps that
 * in main. `firstRunNotice` carries the generated local administrator password exactly once: main hands it
 * out in one answer and then forgets it; the renderer keeps it until the operator dismisses it.
 */
export const sessionState = z.object({
  connections: z.array(connectionProfile),
  activeConnectionId: z.string().nullable(),
  operator: operator.nullable(),
  vault: z.object({
    /** false when the OS offers no real encryption (Linux `basic_text`): secrets then live in memory only. */
    persistent: z.boolean(),
    backend: z.string()
  }),
  localPortal: localPortalStatus,
  /** Set when the stored connections file was unreadable and a clean default replaced it. */
  connectionsReset: z.boolean(),
  firstRunNotice: z.object({ login: z.string(), password: z.string() }).nullable(),
  /** A problem found while restoring the session at start, shown on the sign-in screen. */
  startupError: z.object({ code: z.enum(errorCodes), message: z.string() }).nullable()
})
export type SessionState = z.infer<typeof sessionState>
