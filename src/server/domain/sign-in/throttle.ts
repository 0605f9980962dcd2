import { sql, type Kysely } from 'kysely'
import type { Database, SessionAudience, ThrottleScope, UserKindColumn } from '../../db/schema'
import { deviceLocked, recordDeviceFailure, type TrustedDevice } from './device-tokens'
import { defaultSignInProtection, lockDurationMs, type SignInProtectionPolicy } from './policy'
import { loginKey } from '../users/login-identity'

/**
 * Sign-in throttling with every counter in the database, so that it holds across server instances.
 *
 * The model (one for operators and portal users alike):
 * - `sign_in_throttle` counts failures in fixed windows, per account (audience and lower-cased login,
 *   known or not: failures at the portal door never count against an operator, nor the reverse) and
 *   per client IP. Increments are single atomic upserts.
 * - When an account's window reaches `accountFailureLimit`, the account locks for unknown devices:
 *   for a known user of that audience, `users.locked_until` (what operators see and unlock;
 *   lock_count drives the backoff), for an unknown login, the throttle row's `blocked_until` (so that
 *   a lock does not tell which logins exist). The window then restarts at zero. Attempts during a lock
 *   are refused without counting for the account, so a lock never grows: it ends after at most
 *   `maxLockMs`. They do count for the IP.
 * - A client with a valid device token (device-tokens.ts) is judged on the device's own counter and
 *   lock instead: its owner's right password works while the account is locked for unknown devices.
 * - `users.failed_sign_ins` mirrors the account's failures in the current window, for operators.
 * - An IP that reaches `ipFailureLimit` is refused (429 RATE_LIMITED) until its window ends; a success
 *   does not reset it (one valid account must not launder an attacker's address).
 * - A successful sign-in from an unknown device clears the account's counters and its lock history.
 * - Ended windows are pruned (prune.ts).
 */

export type SignInBlock = 'ip' | 'account' | 'device' | null

export interface ThrottleSubject {
  login: string
  /** Which door: an account is counted and locked per audience, so one door cannot lock the other. */
  audience: SessionAudience
  ip: string | null
  /** The account behind the login, only when it belongs to this audience (else: an unknown login). */
  user: { id: number; locked_until: Date | null } | null
  /** A valid device token of that account: judged on its own counter and lock, not the account's. */
  device?: TrustedDevice | null
}

/**
 * The per-account throttle key: the audience and the login folded as sign-in finds it, so that
 * `ＡＤＭＩＮ` and `admin` share one failure counter, and operators and portal users never share one.
 */
export function accountKey(audience: SessionAudience, login: string): string {
  return `${audience}:${loginKey(login.trim()).replaceAll('\u0000', '\ufffd')}`.slice(0, 254)
}

function ipKey(ip: string): string {
  return ip.slice(0, 254)
}

/** Whether an attempt is refused before its password is even looked at, and why. */
export async function signInBlock(db: Kysely<Database>, subject: ThrottleSubject, now: Date): Promise<SignInBlock> {
  const keys: { scope: ThrottleScope; key: string }[] = [{ scope: 'account', key: accountKey(subject.audience, subject.login) }]
  if (subject.ip) keys.push({ scope: 'ip', key: ipKey(subject.ip) })
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['scope', 'blocked_until'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('scope', '=', k.scope), eb('key', '=', k.key)]))))
    .execute()
  const blocked = (scope: ThrottleScope) => rows.some((row) => row.scope === scope && row.blocked_until !== null && row.blocked_until > now)
  if (blocked('ip')) return 'ip'
  if (subject.device) return deviceLocked(subject.device, now) ? 'device' : null
  if (subject.user) return subject.user.locked_until !== null && subject.user.locked_until > now ? 'account' : null
  return blocked('account') ? 'account' : null
}

export interface FailureOutcome {
  /** Set when this failure locked the account (for unknown devices) or the trusted device. */
  lockedUntil: Date | null
  /** Set when this failure made the IP reach its limit. */
  ipBlockedUntil: Date | null
}

/**
 * Counts one attempt against the client's IP only: a refused attempt on a locked account or device.
 * Guessing at locked accounts is not free: it uses up the address's allowance like any failure.
 */
export async function recordIpFailure(trx: Kysely<Database>, ip: string | null, now: Date, policy: SignInProtectionPolicy = defaultSignInProtection): Promise<Date | null> {
  if (!ip) return null
  const counted = await countFailure(trx, 'ip', ipKey(ip), now, policy)
  if (counted.failures !== policy.ipFailureLimit) return null
  const blockedUntil = new Date(counted.windowStartedAt.getTime() + policy.windowMs)
  await trx.updateTable('sign_in_throttle').set({ blocked_until: blockedUntil }).where('scope', '=', 'ip').where('key', '=', ipKey(ip)).execute()
  return blockedUntil
}

/**
 * Counts one failed attempt (wrong password or wrong second factor) for the IP and for the device
 * that presented a valid token, or else the account (audience and login), and locks what reaches its
 * limit. Call it in the transaction that records the attempt.
 */
export async function recordSignInFailure(
  trx: Kysely<Database>,
  subject: ThrottleSubject,
  now: Date,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<FailureOutcome> {
  const key = accountKey(subject.audience, subject.login)
  // A trusted device never touches the account's counters: the unknown devices' lock is not its own.
  const account = subject.device ? null : await countFailure(trx, 'account', key, now, policy)
  const ipBlockedUntil = await recordIpFailure(trx, subject.ip, now, policy)
  if (subject.device) return { lockedUntil: await recordDeviceFailure(trx, subject.device, now, policy), ipBlockedUntil }
  if (!account) return { lockedUntil: null, ipBlockedUntil }

  // Exactly one failure reaches the limit, even when several race: only that one locks.
  if (account.failures !== policy.accountFailureLimit) {
    if (subject.user) await trx.updateTable('users').set({ failed_sign_ins: account.failures }).where('id', '=', subject.user.id).execute()
    return { lockedUntil: null, ipBlockedUntil }
  }
  await trx.updateTable('sign_in_throttle').set({ failures: 0, window_started_at: now }).where('scope', '=', 'account').where('key', '=', key).execute()
  if (!subject.user) {
    const lockedUntil = new Date(now.getTime() + policy.maxLockMs)
    await trx.updateTable('sign_in_throttle').set({ blocked_until: lockedUntil }).where('scope', '=', 'account').where('key', '=', key).execute()
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

/**
 * A successful sign-in. From an unknown device, the account's counters and lock history start over
 * (for this audience; the IP's do not). From a trusted device, only that device's counters do (in
 * `issueDeviceToken`): the owner signing in does not give an attacker a fresh backoff.
 */
export async function recordSignInSuccess(
  trx: Kysely<Database>,
  account: { userId: number; login: string; audience: SessionAudience; device: TrustedDevice | null },
  now: Date
): Promise<void> {
  if (account.device) {
    await trx.updateTable('users').set({ last_sign_in_at: now, sign_in_failures_since: now }).where('id', '=', account.userId).execute()
    return
  }
  // Throttle row first, then the user: the order a failure takes, so that the two cannot deadlock.
  await trx.deleteFrom('sign_in_throttle').where('scope', '=', 'account').where('key', '=', accountKey(account.audience, account.login)).execute()
  await trx
    .updateTable('users')
    .set({ failed_sign_ins: 0, lock_count: 0, locked_until: null, last_sign_in_at: now, sign_in_failures_since: now })
    .where('id', '=', account.userId)
    .execute()
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
  const { login, kind } = await trx.selectFrom('users').select(['login', 'kind']).where('id', '=', userId).executeTakeFirstOrThrow()
  // Throttle row before the user row: the order a failed sign-in locks them in, so the two cannot deadlock.
  await trx.deleteFrom('sign_in_throttle').where('scope', '=', 'account').where('key', '=', accountKey(audienceOfKind(kind), login)).execute()
  const user = await trx.selectFrom('users').select(['locked_until', 'failed_sign_ins', 'lock_count']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow()
  // The failures shown on the Security tab are those after this instant: an unlock clears them too.
  await trx.updateTable('users').set({ locked_until: null, failed_sign_ins: 0, lock_count: 0, sign_in_failures_since: now }).where('id', '=', userId).execute()
  return {
    before: { lockedUntil: user.locked_until, failedSignIns: user.failed_sign_ins, lockCount: user.lock_count },
    after: { lockedUntil: null, failedSignIns: 0, lockCount: 0 },
    wasLocked: user.locked_until !== null && user.locked_until > now
  }
}

/** The door whose failures count against, and lock, an account of this kind: internal users are operators. */
export function audienceOfKind(kind: UserKindColumn): SessionAudience {
  return kind === 'internal' ? 'operator' : 'portal'
}
