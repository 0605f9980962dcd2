import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/**
 * `last_seen_at` is written at most this often, so that a busy session does not write on every
 * request; a session may therefore end up to this much earlier than its idle limit, never later.
 */
const touchIntervalMs = 60_000

export interface SessionTimes {
  id: string
  last_seen_at: Date
  expires_at: Date
  revoked_at: Date | null
}

/** Whether a session still stands: not revoked, before its absolute expiry, not idle for too long. */
export function sessionIsLive(session: SessionTimes, now: number, idleMs: number): boolean {
  return session.revoked_at === null && now < session.expires_at.getTime() && now < session.last_seen_at.getTime() + idleMs
}

/** Records that the session was used, at most once per `touchIntervalMs`. */
export async function touchSession(db: Kysely<Database>, session: SessionTimes, now: number): Promise<void> {
  if (now - session.last_seen_at.getTime() < touchIntervalMs) return
  await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', session.id).execute()
}
