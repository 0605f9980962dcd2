import { sql, type Kysely } from 'kysely'
import type { Database, ThrottleScope } from '../../db/schema'
import { defaultSignInProtection, lockDurationMs, type SignInProtectionPolicy } from './policy'
import { loginKey } from '../users/login-identity'

/**
 * Sign-in throttling with every counter in the database, so that it holds across server instances.
 *
 * The model (one for operators and portal users alike):
 * - `sign_in_throttle` counts failures in fixed windows, per account (the lower-cased login, known or
 *   not) and per client IP. Increments are single atomic upserts.
 * - When an account's window reaches `accountFailureLimit`, the account locks: for a known user,
 *   `users.locked_until` (what operators see and unlock; lock_count drives the backoff), for an unknown
 *   login, the throttle row's `blocked_until` (so that a lock does not tell which logins exist). The
 *   window then restarts at zero. Attempts during a lock are refused without counting, so a lock
 *   never grows: it ends after at most `maxLockMs`.
 * - `users.failed_sign_ins` mirrors the account's failures in the current window, for operators.
 * - An IP that reaches `ipFailureLimit` is refused (429 RATE_LIMITED) until its window ends; a success
 *   does not reset it (one valid account must not launder an attacker's address).
 * - A successful sign-in clears the account's counters and its lock history.
 */

export type SignInBlock = 'ip' | 'account' | null

export interface ThrottleSubject {
  login: string
  ip: string | null
  /** The account behind the login, when there is one. */
  user: { id: number; locked_until: Date | null } | null
}

/** Folded as sign-in finds logins, so that `ＡＤＭＩＮ` and `admin` share one failure counter. */
export function accountKey(login: string): string {
  return loginKey(login.trim()).replaceAll('\u0000', '\ufffd').slice(0, 254)
}

/** Whether an attempt is refused before its password is even looked at, and why. */
export async function signInBlock(db: Kysely<Database>, subject: ThrottleSubject, now: Date): Promise<SignInBlock> {
  const keys: { scope: ThrottleScope; key: string }[] = [{ scope: 'account', key: accountKey(subject.login) }]
  if (subject.ip) keys.push({ scope: 'ip', key: subject.ip.slice(0, 254) })
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['scope', 'blocked_until'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('key', '=', k.key)]))))
    .execute()
  const blocked = (scope: ThrottleScope) => rows.some((row) => row.scope === scope && row.blocked_until !== null && row.blocked_until > now)
  if (blocked('ip')) return 'ip'
  if (subject.user) return subject.user.locked_until !== null && subject.user.locked_until > now ? 'account' : null
  return blocked('account') ? 'account' : null
}

export interface FailureOutcome {
  /** Set when this failure locked the account. */
  lockedUntil: Date | null
  /** Set when this failure made the IP reach its limit. */
  ipBlockedUntil: Date | null
}

/**
 * Counts one failed attempt (wrong password or wrong second factor) for the account and the IP, and
 * locks the account when its window reaches the limit. Call it in the transaction that records the attempt.
 */
export async function recordSignInFailure(
  trx: Kysely<Database>,
  subject: ThrottleSubject,
  now: Date,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<FailureOutcome> {
  const account = await countFailure(trx, 'account', accountKey(subject.login), now, policy)
  let ipBlockedUntil: Date | null = null
  if (subject.ip) {
    const ip = await countFailure(trx, 'ip', subject.ip.slice(0, 254), now, policy)
    if (ip.failures === policy.ipFailureLimit) {
      ipBlockedUntil = new Date(ip.windowStartedAt.getTime() + policy.windowMs)
      await trx.updateTable('sign_in_throttle').set({ blocked_until: ipBlockedUntil }).where('scope', '=', 'ip').where('key', '=', subject.ip.slice(0, 254)).execute()
    }
  }

  // Exactly one failure reaches the limit, even when several race: only that one locks.
  if (account.failures !== policy.accountFailureLimit) {
    if (subject.user) await trx.updateTable('users').set({ failed_sign_ins: account.failures }).where('id', '=', subject.user.id).execute()
    return { lockedUntil: null, ipBlockedUntil }
  }
  await trx
    .updateTable('sign_in_throttle')
    .set({ failures: 0, window_started_at: now })
    .where('scope', '=', 'account')
    .where('key', '=', accountKey(subject.login))
    .execute()
  if (!subject.user) {
    const lockedUntil = new Date(now.getTime() + policy.maxLockMs)
    await trx.updateTable('sign_in_throttle').set({ blocked_until: lockedUntil }).where('scope', '=', 'account').where('key', '=', accountKey(subject.login)).execute()
    return { lockedUntil, ipBlockedUntil }
  }
  const user = await trx.selectFrom('users').select('lock_count').where('id', '=', subject.user.id).forUpdate().executeTakeFirstOrThrow()
  const lockedUntil = new Date(now.getTime() + lockDurationMs(user.lock_count, policy))
  await trx
    .updateTable('users')
    .set({ locked_until: lockedUntil, lock_count: user.lock_count + 1, failed_sign_ins: 0 })
    .where('id', '=', subject.user.id)
    .execute()
  return { lockedUntil, ipBlockedUntil }
}

async function countFailure(
  trx: Kysely<Database>,
  scope: ThrottleScope,
  key: string,
  now: Date,
  policy: SignInProtectionPolicy
): Promise<{ failures: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - policy.windowMs)
  const { rows } = await sql<{ failures: number; window_started_at: Date }>`
    insert into sign_in_throttle as t (scope, key, failures, window_started_at)
    values (${scope}, ${key}, 1, ${now}::timestamptz)
    on conflict (scope, key) do update set
      failures = case when t.window_started_at <= ${windowStart}::timestamptz then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at <= ${windowStart}::timestamptz then ${now}::timestamptz else t.window_started_at end
    returning failures, window_started_at`.execute(trx)
  const row = rows[0]
  if (!row) throw new Error('the throttle upsert returned no row')
  return { failures: row.failures, windowStartedAt: row.window_started_at }
}

/** A successful sign-in: the account's counters and lock history start over (the IP's do not). */
export async function recordSignInSuccess(trx: Kysely<Database>, userId: number, login: string, now: Date): Promise<void> {
  // Throttle row first, then the user: the order a failure takes, so that the two cannot deadlock.
  await trx.deleteFrom('sign_in_throttle').where('scope', '=', 'account').where('key', '=', accountKey(login)).execute()
  await trx.updateTable('users').set({ failed_sign_ins: 0, lock_count: 0, locked_until: null, last_sign_in_at: now }).where('id', '=', userId).execute()
}

export interface LockState {
  lockedUntil: Date | null
  failedSignIns: number
  lockCount: number
}

export interface UnlockResult {
  before: LockState
  after: LockState
  /** Whether the account was locked at `now` (an expired lock is cleared too, but was not in force). */
  wasLocked: boolean
}

/**
 * The operator's unlock (POST /users/:id/unlock): clears the lock, the failure counters and the
 * backoff history, in the caller's transaction. It does not bump the user's version: lock state is
 * not part of the form an operator edits. 404 handling is the caller's (findUserTarget first).
 */
export async function unlockAccount(trx: Kysely<Database>, userId: number, now: Date): Promise<UnlockResult> {
  const { login } = await trx.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirstOrThrow()
  // Throttle row before the user row: the order a failed sign-in locks them in, so the two cannot deadlock.
  await trx.deleteFrom('sign_in_throttle').where('scope', '=', 'account').where('key', '=', accountKey(login)).execute()
  const user = await trx.selectFrom('users').select(['locked_until', 'failed_sign_ins', 'lock_count']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow()
  await trx.updateTable('users').set({ locked_until: null, failed_sign_ins: 0, lock_count: 0 }).where('id', '=', userId).execute()
  return {
    before: { lockedUntil: user.locked_until, failedSignIns: user.failed_sign_ins, lockCount: user.lock_count },
    after: { lockedUntil: null, failedSignIns: 0, lockCount: 0 },
    wasLocked: user.locked_until !== null && user.locked_until > now
  }
}
