import type { Kysely } from 'kysely'
import { signInListLimit, type SignInList } from '../../../shared/security'
import type { Database } from '../../db/schema'

/** The user's last sign-in attempts, successful and failed, newest first. */
export async function listSignIns(db: Kysely<Database>, userId: number): Promise<SignInList> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select(['id', 'at', 'success', 'audience', 'ip', 'user_agent', 'reason'])
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(signInListLimit)
    .execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      success: row.success,
      audience: row.audience,
      ip: row.ip,
      userAgent: row.user_agent,
      reason: row.reason
    }))
  }
}
