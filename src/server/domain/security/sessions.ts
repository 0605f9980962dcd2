import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import { sessionListLimit, type RevokeResult, type SessionList, type SessionSummary } from '../../../shared/security'
import type { Database, SessionRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { revokeSessions } from '../sessions/revoke-sessions'

/**
 * When operators revoke their own account's sessions (or reset their own 2FA), the session they are
 * using right now survives: the desk would otherwise sign itself out in the middle of the action.
 */
export function ownSessionToKeep(audit: AuditContext, userId: number, callerSessionId: string | null): string | null {
  return audit.actorId === userId ? callerSessionId : null
}

function sessionStatus(row: Pick<SessionRow, 'revoked_at' | 'expires_at'>, now: Date): SessionSummary['status'] {
  if (row.revoked_at !== null) return 'revoked'
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'active'
}

export interface ListSessionsOptions {
  includeRevoked: boolean
  now: Date
  /** The caller's session, flagged `current`. */
  callerSessionId: string | null
}

/** A user's sessions (portal and operator), newest first; revoked ones only when asked. */
export async function listSessions(db: Kysely<Database>, userId: number, options: ListSessionsOptions): Promise<SessionList> {
  let query = db
    .selectFrom('sessions')
    .select(['id', 'audience', 'user_agent', 'ip', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
  if (!options.includeRevoked) query = query.where('revoked_at', 'is', null)
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(sessionListLimit).execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      audience: row.audience,
      userAgent: row.user_agent,
      ip: row.ip,
      startedAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      revokedAt: row.revoked_at?.toISOString() ?? null,
      status: sessionStatus(row, options.now),
      current: row.id === options.callerSessionId
    }))
  }
}

export interface RevokeSessionInput {
  userId: number
  audit: AuditContext
  callerSessionId: string | null
}

/** Ends every live session of the user (except the caller's own, when operators act on themselves). */
export async function revokeAllSessions(db: Kysely<Database>, { userId, audit, callerSessionId }: RevokeSessionInput): Promise<RevokeResult> {
  return withTransaction(db, async (trx) => {
    const keep = ownSessionToKeep(audit, userId, callerSessionId)
    const revoked = await revokeSessions(trx, userId, { now: audit.at, ...(keep ? { exceptSessionId: keep } : {}) })
    await recordAudit(trx, audit, {
      action: 'sessions.revoke',
      targetUserId: userId,
      changes: { activeSessions: { from: revoked + (keep ? 1 : 0), to: keep ? 1 : 0 } }
    })
    return { revoked }
  })
}

/** Ends one session: 404 when the user has no session with this id, 409 when it has already ended. */
export async function revokeOneSession(
  db: Kysely<Database>,
  { userId, audit, sessionId }: RevokeSessionInput & { sessionId: string }
): Promise<RevokeResult> {
  return withTransaction(db, async (trx) => {
    const session = await trx
      .selectFrom('sessions')
      .select(['id', 'revoked_at', 'audience', 'ip', 'user_agent'])
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!session) throw refusal('NOT_FOUND', 'alreadyGone', 'This user has no session with this id.')
    if (session.revoked_at !== null) throw refusal('CONFLICT', 'alreadyRevoked', 'This session was already revoked.')
    const revoked = await revokeSessions(trx, userId, { now: audit.at, sessionId })
    await recordAudit(trx, audit, {
      action: 'sessions.revoke',
      targetUserId: userId,
      changes: { session: { from: { id: session.id, audience: session.audience, ip: session.ip, userAgent: session.user_agent }, to: null } }
    })
    return { revoked }
  })
}
