import type { OperatorRole } from '../../../shared/auth'
import type { SessionAudience } from '../../db/schema'

/**
 * Someone signed in acting on their own account: a portal user through /api/v1/me, or an operator
 * through "My account" (/api/v1/auth/account). The audience decides whose sign-in rules a password
 * re-check follows; the role is what the audit row records.
 */
export interface AccountActor {
  userId: number
  login: string
  sessionId: string
  audience: SessionAudience
  role: 'portal' | OperatorRole
  ip: string | null
  userAgent: string | null
  /** The server's time at the start of the request. */
  now: Date
}
