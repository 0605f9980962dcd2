import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { defaultSignInProtection, type SignInProtectionPolicy } from './policy'

/** How long the sign-in history (the Activity and Security tabs) keeps an attempt. */
export const signInHistoryRetentionMs = 90 * 24 * 3_600_000

/**
 * At most this many rows of each kind go per call. Every password sign-in calls it and adds at most
 * one row of each kind, so the tables cannot outgrow their windows, and no call does unbounded work.
 */
export const pruneBatch = 100

/**
 * Deletes what sign-in protection no longer needs: throttle windows that have ended (and whose block,
 * if any, is over), attempts older than the retention, and expired device tokens. Rows another
 * transaction holds are skipped (`skip locked`): pruning never waits for, or deadlocks with, a sign-in.
 */
export async function pruneSignInRecords(db: Kysely<Database>, now: Date, policy: SignInProtectionPolicy = defaultSignInProtection): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs)
  const historyStart = new Date(now.getTime() - signInHistoryRetentionMs)
  await sql`
    delete from sign_in_throttle where (scope, key) in (
      select scope, key from sign_in_throttle
      where window_started_at <= ${windowStart}::timestamptz and (blocked_until is null or blocked_until <= ${now}::timestamptz)
      limit ${pruneBatch} for update skip locked)`.execute(db)
  await sql`
    delete from sign_in_attempts where id in (
      select id from sign_in_attempts where at < ${historyStart}::timestamptz limit ${pruneBatch} for update skip locked)`.execute(db)
  await sql`
    delete from sign_in_devices where id in (
      select id from sign_in_devices where expires_at <= ${now}::timestamptz limit ${pruneBatch} for update skip locked)`.execute(db)
}
