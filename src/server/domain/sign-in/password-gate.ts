import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database, SessionAudience } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { unknownUserHash, verifyPassword } from '../auth/passwords'
import { recordSignInAttempt, type SignInReason } from './attempts'
import { defaultSignInProtection, type SignInProtectionPolicy } from './policy'
import type { TrustedDevice } from './device-tokens'
import { pruneSignInRecords } from './prune'
import { recordIpFailure, recordSignInFailure, signInBlock, type ThrottleSubject } from './throttle'

/** What the gate needs of the account behind a login (callers select more for their own checks). */
export interface SignInCandidate {
  id: number
  login: string
  password_hash: string | null
  locked_until: Date | null
}

export interface SignInRequest {
  login: string
  password: string
  audience: SessionAudience
  ip: string | null
  userAgent: string | null
  now: Date
  /** A valid device token of the account presented with the attempt (`findTrustedDevice`); absent: an unknown device. */
  device?: TrustedDevice | null
}

/** The answer to every refused sign-in, whatever the reason: nothing tells which part was wrong. */
export function invalidCredentials(): DeskError {
  return new DeskError('INVALID_CREDENTIALS')
}

/**
 * The first half of every password sign-in (operator and portal), in this order:
 * 1. an IP over its limit is refused with 429 RATE_LIMITED (says nothing about the account);
 * 2. the password is verified, against a dummy hash for an unknown login (equal timing);
 * 3. a locked account (for an unknown device) or a locked trusted device is refused with the generic
 *    message, right password or not, counted for the IP only;
 * 4. a wrong password is counted (and may lock the account or the device: audited as `signIn.locked`) and refused.
 * `user` must be an account of the request's audience (callers pass undefined for any other: to the
 * portal door an operator's login is unknown, and the reverse). Old sign-in records are pruned on the way.
 * Returns the user whose password matched; the caller then checks eligibility and the second factor
 * with `refuseSignIn` / `countSignInFailure`, and records the success itself.
 */
export async function passPasswordGate<User extends SignInCandidate>(
  db: Kysely<Database>,
  request: SignInRequest,
  user: User | undefined,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<User> {
  await pruneSignInRecords(db, request.now, policy)
  const block = await signInBlock(db, throttleSubject(request, user), request.now)
  if (block === 'ip') {
    await recordAttempt(db, request, user, 'ip_throttled')
    throw new DeskError('RATE_LIMITED')
  }
  const matches = await verifyPassword(user?.password_hash ?? unknownUserHash, request.password)
  if (block !== null) await refuseLockedAttempt(db, request, user, policy)
  if (!user || !user.password_hash || !matches) {
    await countSignInFailure(db, request, user, 'wrong_password', policy)
    throw invalidCredentials()
  }
  return user
}

/** A refusal that does not count as a guess (the password was right): recorded, then the generic error. */
export async function refuseSignIn(db: Kysely<Database>, request: SignInRequest, user: SignInCandidate | undefined, reason: SignInReason, error: DeskError = invalidCredentials()): Promise<never> {
  await recordAttempt(db, request, user, reason)
  throw error
}

/** An attempt on a locked account or device: not counted for the account, but for the IP; recorded, then the generic error. */
export async function refuseLockedAttempt(db: Kysely<Database>, request: SignInRequest, user: SignInCandidate | undefined, policy: SignInProtectionPolicy = defaultSignInProtection): Promise<never> {
  await withTransaction(db, async (trx) => {
    await recordIpFailure(trx, request.ip, request.now, policy)
    await recordAttempt(trx, request, user, 'locked')
  })
  throw invalidCredentials()
}

/** A failed guess (wrong password or second factor): counted for the device or account and the IP, and recorded. */
export async function countSignInFailure(
  db: Kysely<Database>,
  request: SignInRequest,
  user: SignInCandidate | undefined,
  reason: SignInReason,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const outcome = await recordSignInFailure(trx, throttleSubject(request, user), request.now, policy)
    await recordAttempt(trx, request, user, reason)
    // A device's own lock concerns one client of its owner and is not the account's: not audited.
    if (outcome.lockedUntil && user && !request.device) {
      await recordAudit(
        trx,
        { at: request.now, actorId: null, actorLogin: null, actorRole: 'system', ip: request.ip, userAgent: request.userAgent, ticketRef: null, reason: null },
        { action: 'signIn.locked', targetUserId: user.id, changes: { lockedUntil: { from: null, to: outcome.lockedUntil } } }
      )
    }
  })
}

function throttleSubject(request: SignInRequest, user: SignInCandidate | undefined): ThrottleSubject {
  return { login: request.login, audience: request.audience, ip: request.ip, user: user ?? null, device: request.device ?? null }
}

export async function recordAttempt(db: Kysely<Database>, request: SignInRequest, user: SignInCandidate | undefined, reason: SignInReason | null, success = false): Promise<void> {
  await recordSignInAttempt(db, {
    userId: user?.id ?? null,
    audience: request.audience,
    login: request.login,
    ip: request.ip,
    userAgent: request.userAgent,
    at: request.now,
    success,
    reason
  })
}
