import { sql, type Kysely } from 'kysely'
import type { Database, SessionAudience } from '../../db/schema'
import { hashToken, issueToken, isWellFormedToken } from '../auth/tokens'
import { defaultSignInProtection, lockDurationMs, type SignInProtectionPolicy } from './policy'

/**
 * Device tokens, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": every
 * successful password sign-in gives the client a random token (stored hashed), bound to that user and
 * that audience. A client that presents a valid one is judged on the device's own failure counter and
 * lock, so an attacker who keeps the account locked for unknown devices does not lock its owner out.
 *
 * - A token is valid for `deviceTokenLifetimeMs` after its last successful sign-in (sliding), then it
 *   counts as no token and its row is pruned.
 * - Another user's, another audience's, an expired or a made-up token counts as no token.
 * - Failures on a device follow the account policy (10 in 15 minutes lock the device for 1, 2, 4, 8,
 *   at most 15 minutes); during its lock the device is refused like a locked account. The token is not
 *   revoked: its owner may have mistyped, and whoever stole it gets no more guesses than an unknown
 *   device does. A success on the device clears its counter and its backoff.
 * - At most `devicesPerAccount` tokens per user and audience: the least recently used go first.
 */
export const deviceTokenLifetimeMs = 90 * 24 * 3_600_000
export const devicesPerAccount = 20

export interface TrustedDevice {
  id: string
  lockedUntil: Date | null
}

/** A trusted device whose token came with the attempt (sent back to it on success). */
export interface PresentedDevice extends TrustedDevice {
  token: string
}

/** What a successful sign-in hands the client, and the device row that the new session remembers. */
export interface IssuedDevice {
  id: string
  token: string
}

interface DeviceAccount {
  userId: number
  audience: SessionAudience
}

/** The device behind a presented token, when it is valid for this user and audience at `now`; null otherwise. */
export async function findTrustedDevice(db: Kysely<Database>, token: string | undefined, account: DeviceAccount, now: Date): Promise<PresentedDevice | null> {
  if (token === undefined || !isWellFormedToken(token)) return null
  const row = await db
    .selectFrom('sign_in_devices')
    .select(['id', 'locked_until'])
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', account.userId)
    .where('audience', '=', account.audience)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? { id: row.id, lockedUntil: row.locked_until, token } : null
}

/**
 * The device a live session was signed in from, while it is still valid for that account. A password
 * re-check inside the session (re-authentication, confirming one's own password) is judged on it, so
 * that an attacker who keeps the account locked for unknown devices cannot also block its owner's
 * sensitive actions, while a stolen session still gets no more guesses than the device's own counter.
 */
export async function deviceOfSession(db: Kysely<Database>, sessionId: string, account: DeviceAccount, now: Date): Promise<TrustedDevice | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('sign_in_devices as d', 'd.id', 's.device_id')
    .select(['d.id', 'd.locked_until'])
    .where('s.id', '=', sessionId)
    .where('d.user_id', '=', account.userId)
    .where('d.audience', '=', account.audience)
    .where('d.expires_at', '>', now)
    .executeTakeFirst()
  return row ? { id: row.id, lockedUntil: row.locked_until } : null
}

/** Records which device a newly issued session was signed in from. */
export async function bindSessionToDevice(trx: Kysely<Database>, sessionId: string, device: IssuedDevice): Promise<void> {
  await trx.updateTable('sessions').set({ device_id: device.id }).where('id', '=', sessionId).execute()
}

export function deviceLocked(device: TrustedDevice, now: Date): boolean {
  return device.lockedUntil !== null && device.lockedUntil > now
}

/**
 * Counts one failed guess from a trusted device, in its own fixed window; the failure that reaches the
 * limit locks the device (with the account's backoff) and starts a new window. Returns the lock it set.
 */
export async function recordDeviceFailure(
  trx: Kysely<Database>,
  device: TrustedDevice,
  now: Date,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - policy.windowMs)
  const { rows } = await sql<{ failures: number; lock_count: number }>`
    update sign_in_devices set
      failures = case when window_started_at is null or window_started_at <= ${windowStart}::timestamptz then 1 else failures + 1 end,
      window_started_at = case when window_started_at is null or window_started_at <= ${windowStart}::timestamptz then ${now}::timestamptz else window_started_at end
    where id = ${device.id}
    returning failures, lock_count`.execute(trx)
  const row = rows[0]
  // Exactly one failure reaches the limit, even when several race: only that one locks.
  if (!row || row.failures !== policy.accountFailureLimit) return null
  const lockedUntil = new Date(now.getTime() + lockDurationMs(row.lock_count, policy))
  await trx
    .updateTable('sign_in_devices')
    .set({ failures: 0, window_started_at: null, locked_until: lockedUntil, lock_count: row.lock_count + 1 })
    .where('id', '=', device.id)
    .execute()
  return lockedUntil
}

/**
 * The device token a successful password sign-in hands back: the presented one, renewed for another
 * lifetime with its counters cleared, or a new one (and the account's oldest tokens beyond
 * `devicesPerAccount` are dropped).
 */
export async function issueDeviceToken(trx: Kysely<Database>, account: DeviceAccount, device: PresentedDevice | null, now: Date): Promise<IssuedDevice> {
  const expiresAt = new Date(now.getTime() + deviceTokenLifetimeMs)
  if (device) {
    await trx
      .updateTable('sign_in_devices')
      .set({ last_used_at: now, expires_at: expiresAt, failures: 0, window_started_at: null, locked_until: null, lock_count: 0 })
      .where('id', '=', device.id)
      .execute()
    return { id: device.id, token: device.token }
  }
  const issued = issueToken()
  const { id } = await trx
    .insertInto('sign_in_devices')
    .values({ user_id: account.userId, audience: account.audience, token_hash: issued.hash, created_at: now, last_used_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .deleteFrom('sign_in_devices')
    .where('user_id', '=', account.userId)
    .where('audience', '=', account.audience)
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('sign_in_devices')
        .select('id')
        .where('user_id', '=', account.userId)
        .where('audience', '=', account.audience)
        .orderBy('last_used_at', 'desc')
        .orderBy('id', 'desc')
        .limit(devicesPerAccount)
    )
    .execute()
  return { id, token: issued.token }
}

/**
 * Forgets every trusted device of the user, in every audience, when the account may have been taken
 * over: a device that a thief signed in from must not keep its exemption from the account's lock.
 * Sessions bound to those devices keep running until revoked (their `device_id` becomes null).
 */
export async function forgetTrustedDevices(trx: Kysely<Database>, userId: number): Promise<number> {
  const rows = await trx.deleteFrom('sign_in_devices').where('user_id', '=', userId).returning('id').execute()
  return rows.length
}
