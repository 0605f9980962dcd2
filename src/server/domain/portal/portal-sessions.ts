import type { Kysely } from 'kysely'
import type { PortalLoginResponse } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import { hashToken, issueToken } from '../auth/tokens'
import { sessionIsLive, touchSession } from '../sessions/session-liveness'


export interface PortalSessionDeps {
  db: Kysely<Database>
  clock: Clock
  sessionIdleMs: number
  sessionAbsoluteMs: number
}

/** A live portal session: who is signed in through the bearer token. */
export interface PortalSession {
  sessionId: string
  userId: number
  login: string
  name: string
  expiresAt: Date
  /** The user signed in with a temporary password and must choose a new one (read from the user row at each request). */
  passwordChangeRequired: boolean
}

export interface IssuedPortalSession {
  token: string
  sessionId: string
  expiresAt: Date
}

export type PortalSessions = ReturnType<typeof createPortalSessions>

/**
 * Portal sessions live in the same `sessions` table as operator ones, with audience 'portal': the
 * same opaque token (stored hashed), idle and absolute expiry, and the same revocation. A token of one
 * audience is never accepted by the other's guard.
 */
export function createPortalSessions({ db, clock, sessionIdleMs, sessionAbsoluteMs }: PortalSessionDeps) {
  return {
    async issue(trx: Kysely<Database>, userId: number, origin: { ip: string | null; userAgent: string | null }, now: Date): Promise<IssuedPortalSession> {
      const issued = issueToken()
      const expiresAt = new Date(now.getTime() + sessionAbsoluteMs)
      const row = await trx
        .insertInto('sessions')
        .values({
          token_hash: issued.hash,
          user_id: userId,
          audience: 'portal',
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          ip: origin.ip?.slice(0, 64) ?? null,
          user_agent: origin.userAgent?.slice(0, 512) ?? null
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { token: issued.token, sessionId: row.id, expiresAt }
    },

    /**
     * The live portal session behind a token, or null: unknown, revoked, expired (idle or absolute),
     * or its user is no longer an active, undeleted portal user who may sign in.
     */
    async authenticate(token: string): Promise<PortalSession | null> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.last_seen_at', 's.expires_at', 's.revoked_at', 'u.id as user_id', 'u.login', 'u.name', 'u.kind', 'u.active', 'u.deleted_at', 'u.reset_required', 'u.must_change_password'])
        .where('s.token_hash', '=', hashToken(token))
        .where('s.audience', '=', 'portal')
        .executeTakeFirst()
      if (!row) return null
      const now = clock.now().getTime()
      const usable = row.kind === 'portal' && row.active && row.deleted_at === null && !row.reset_required
      if (!usable || !sessionIsLive(row, now, sessionIdleMs)) return null
      await touchSession(db, row, now)
      return {
        sessionId: row.id,
        userId: row.user_id,
        login: row.login,
        name: row.name,
        expiresAt: row.expires_at,
        passwordChangeRequired: row.must_change_password
      }
    },

    async signOut(sessionId: string): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: clock.now() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
    }
  }
}

/** The answer to a portal sign-in (password or passkey); a temporary password says so, for the client to ask for a new one. */
export function portalLoginResponseOf(issued: IssuedPortalSession, user: { id: number; login: string; name: string; must_change_password: boolean }): PortalLoginResponse {
  return {
    token: issued.token,
    expiresAt: issued.expiresAt.toISOString(),
    user: { id: user.id, login: user.login, name: user.name },
    ...(user.must_change_password ? { passwordChangeRequired: true } : {})
  }
}
