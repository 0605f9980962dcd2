import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

export interface RevokeSessionsOptions {
  now: Date
  /** Keep this one (the caller's own session, for "log out from all other devices"). */
  exceptSessionId?: string
  /** Revoke only this one. */
  sessionId?: string
}

/**
 * Ends a user's live sessions, portal and operator alike; returns how many were ended. Every
 * security change that must sign someone out (password set or reset, archive, 2FA disabled,
 * deletion, "log out from all devices") goes through here, inside the caller's transaction.
 */
export async function revokeSessions(db: Kysely<Database> | Transaction<Database>, userId: number, options: RevokeSessionsOptions): Promise<number> {
  let update = db.updateTable('sessions').set({ revoked_at: options.now }).where('user_id', '=', userId).where('revoked_at', 'is', null)
  if (options.exceptSessionId !== undefined) update = update.where('id', '!=', options.exceptSessionId)
  if (options.sessionId !== undefined) update = update.where('id', '=', options.sessionId)
  const result = await update.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
