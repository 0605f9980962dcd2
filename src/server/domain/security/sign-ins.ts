import type { Kysely } from 'kysely'
import { signInListLimit, type SignInList } from '../../../shared/security'
import type { Database } from '../../db/schema'

/**
 * The user's last sign-in attempts, successful and failed, newest first, and the count of failures
 * since the last successful sign-in or unlock (`users.sign_in_failures_since`; for an account that has
 * had neither since that column exists, its last successful attempt). This count is what the Security
 * tab shows, so that an unlock takes it back to 0.
 */
export async function listSignIns(db: Kysely<Database>, userId: number): Promise<SignInList> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select(['id', 'at', 'success', 'audience', 'ip', 'user_agent', 'reason'])
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(signInListLimit)
    .execute()
  const since = await failuresCountedSince(db, userId)
  let failures = db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll<string>().as('count')).where('user_id', '=', userId).where('success', '=', false)
  if (since) failures = failures.where('at', '>', since)
  const { count } = await failures.executeTakeFirstOrThrow()
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      success: row.success,
      audience: row.audience,
      ip: row.ip,
      userAgent: row.user_agent,
      reason: row.reason
    })),
    recentFailures: { count: Number(count), since: since?.toISOString() ?? null }
  }
}

async function failuresCountedSince(db: Kysely<Database>, userId: number): Promise<Date | null> {
  const user = await db.selectFrom('users').select('sign_in_failures_since').where('id', '=', userId).executeTakeFirst()
  if (user?.sign_in_failures_since) return user.sign_in_failures_since
  const lastSuccess = await db
    .selectFrom('sign_in_attempts')
    .select('at')
    .where('user_id', '=', userId)
    .where('success', '=', true)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return lastSuccess?.at ?? null
}
