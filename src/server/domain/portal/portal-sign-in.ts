import type { Kysely } from 'kysely'
import type { PortalLoginResponse } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { sameLoginAs } from '../users/login-identity'
import type { RequestOrigin } from '../auth/auth-service'
import { recordAttempt, passPasswordGate, refuseSignIn, type SignInRequest } from '../sign-in/password-gate'
import { defaultSignInProtection, type SignInProtectionPolicy } from '../sign-in/policy'
import { passSecondFactor } from '../sign-in/second-factor'
import { recordSignInSuccess } from '../sign-in/throttle'
import { bindSessionToDevice, findTrustedDevice, issueDeviceToken } from '../sign-in/device-tokens'
import { portalLoginResponseOf, type PortalSessions } from './portal-sessions'

export interface PortalSignInInput {
  login: string
  password: string
  otp?: string | undefined
  /** The device token of an earlier sign-in of this account (sign-in/device-tokens.ts). */
  deviceToken?: string | undefined
}

export interface PortalSignInDeps {
  db: Kysely<Database>
  sessions: PortalSessions
  now: Date
  policy?: SignInProtectionPolicy
}

/**
 * POST /api/v1/portal/login. Every refusal is 401 INVALID_CREDENTIALS with the same message (unknown
 * login, wrong password, internal user, archived, deleted, reset required, locked), except:
 * - an IP over its failure limit: 429 RATE_LIMITED (about the address, not the account);
 * - a right password on an account with 2FA and no or a wrong code: 401 INVALID_CREDENTIALS with
 *   `details: {otp: 'required' | 'invalid'}`. Only the password's owner gets that far, so it leaks
 *   nothing to someone guessing passwords; a wrong code counts as a failed attempt like a wrong password.
 * An internal user's login is unknown here: its failures never count against, or lock, the operator.
 * A valid `deviceToken` of this account is judged on its own failures; every success returns one.
 * Every attempt is recorded in sign_in_attempts.
 */
export async function signInPortalUser({ db, sessions, now, policy = defaultSignInProtection }: PortalSignInDeps, input: PortalSignInInput, origin: RequestOrigin): Promise<PortalLoginResponse> {
  // No login contains NUL, and PostgreSQL would refuse the parameter: treat it as unknown.
  const candidate = input.login.includes('\u0000')
    ? undefined
    : await db
        .selectFrom('users as u')
        .leftJoin('totp as t', 't.user_id', 'u.id')
        .select(['u.id', 'u.login', 'u.name', 'u.kind', 'u.active', 'u.deleted_at', 'u.reset_required', 'u.must_change_password', 'u.password_hash', 'u.locked_until', 't.enabled_at as totp_enabled_at'])
        .where(sameLoginAs(input.login))
        .where('u.kind', '=', 'portal')
        .executeTakeFirst()
  const device = candidate ? await findTrustedDevice(db, input.deviceToken, { userId: candidate.id, audience: 'portal' }, now) : null
  const request: SignInRequest = { login: input.login, password: input.password, audience: 'portal', ip: origin.ip, userAgent: origin.userAgent, now, device }

  const user = await passPasswordGate(db, request, candidate, policy)
  if (user.deleted_at !== null) await refuseSignIn(db, request, user, 'deleted')
  if (!user.active) await refuseSignIn(db, request, user, 'archived')
  if (user.reset_required) await refuseSignIn(db, request, user, 'reset_required')

  await passSecondFactor(db, request, user, input.otp, policy)

  return withTransaction(db, async (trx) => {
    const issued = await sessions.issue(trx, user.id, origin, now)
    await recordSignInSuccess(trx, { userId: user.id, login: user.login, audience: 'portal', device }, now)
    await recordAttempt(trx, request, user, null, true)
    const issuedDevice = await issueDeviceToken(trx, { userId: user.id, audience: 'portal' }, device, now)
    await bindSessionToDevice(trx, issued.sessionId, issuedDevice)
    return { ...portalLoginResponseOf(issued, user), deviceToken: issuedDevice.token }
  })
}
