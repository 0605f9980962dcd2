import type { Kysely } from 'kysely'
import type { Database, SessionAudience } from '../../db/schema'

/**
 * Why an attempt failed (or how one succeeded), as stored in sign_in_attempts.reason and shown to
 * operators in the sign-in history. The client only ever sees the generic message.
 */
export type SignInReason =
  | 'wrong_password'
  | 'locked'
  | 'ip_throttled'
  | 'reset_required'
  | 'archived'
  | 'deleted'
  | 'not_eligible'
  | 'otp_required'
  | 'otp_invalid'
  | 'passkey'
  | 'passkey_invalid'

export interface SignInAttempt {
  userId: number | null
  audience: SessionAudience
  login: string
  ip: string | null
  userAgent: string | null
  at: Date
  success: boolean
  /** Null for an ordinary successful password sign-in. */
  reason: SignInReason | null
}

/** Appends one row to the sign-in history; values are cut to the column limits (a login can be any text). */
export async function recordSignInAttempt(db: Kysely<Database>, attempt: SignInAttempt): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({
      user_id: attempt.userId,
      audience: attempt.audience,
      login: storable(attempt.login).slice(0, 254),
      ip: attempt.ip?.slice(0, 64) ?? null,
      user_agent: attempt.userAgent ? storable(attempt.userAgent).slice(0, 512) : null,
      at: attempt.at,
      success: attempt.success,
      reason: attempt.reason
    })
    .execute()
}

/** PostgreSQL text refuses NUL: an attacker's login with one is stored with U+FFFD instead. */
function storable(value: string): string {
  return value.replaceAll('\u0000', '\ufffd')
}
