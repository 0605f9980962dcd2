import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { sameLoginAs } from '../users/login-identity'
import { operatorRoles } from '../../../shared/users'
import type { LoginResponse, Operator, OperatorRole } from '../../../shared/auth'
import type { Database } from '../../db/schema'
import type { Clock } from '../../clock'
import { unknownUserHash, verifyPassword } from './passwords'
import { hashToken, issueToken } from './tokens'
import { passPasswordGate, recordAttempt, refuseSignIn, type SignInRequest } from '../sign-in/password-gate'
import { recordSignInFailure, recordSignInSuccess, signInBlock, type ThrottleSubject } from '../sign-in/throttle'
import { deviceOfSession, findTrustedDevice, issueDeviceToken } from '../sign-in/device-tokens'
import { sessionIsLive, touchSession } from '../sessions/session-liveness'
import { passSecondFactor } from '../sign-in/second-factor'
import type { OperatorTwoFactorPolicy } from '../../../shared/operator-account'


/** How long a password re-verification (POST /auth/reauth) unlocks the sensitive actions: Odoo's 10 minutes. */
export const reauthWindowMs = 10 * 60_000

export interface AuthServiceDeps {
  db: Kysely<Database>
  clock: Clock
  sessionIdleMs: number
  sessionAbsoluteMs: number
  /** OPERATOR_2FA: 'required' makes administrators set up TOTP before anything else. Default 'optional'. */
  operatorTwoFactor?: OperatorTwoFactorPolicy
}

export interface RequestOrigin {
  ip: string | null
  userAgent: string | null
}

export interface OperatorSession {
  sessionId: string
  operator: Operator
  expiresAt: Date
  /** Until when the session counts as re-verified; null when it never was or the window has passed. */
  reauthenticatedUntil: Date | null
}

export type AuthService = ReturnType<typeof createAuthService>

export function createAuthService({ db, clock, sessionIdleMs, sessionAbsoluteMs, operatorTwoFactor = 'optional' }: AuthServiceDeps) {
  // Read from the user row at every sign-in and every request: a temporary password set while the
  // operator has sessions open restricts them all at once, and choosing a new one lifts it at once.
  const identify = (user: { id: number; login: string; name: string; must_change_password: boolean }, role: OperatorRole, totpEnabledAt: Date | null): Operator => {
    const setupRequired = twoFactorRequiredFor(operatorTwoFactor, role) && totpEnabledAt === null
    return {
      id: user.id,
      login: user.login,
      name: user.name,
      role,
      ...(setupRequired ? { twoFactorSetupRequired: true } : {}),
      ...(user.must_change_password ? { passwordChangeRequired: true } : {})
    }
  }

  return {
    /**
     * Signs an operator in. Only active internal users with an operator role qualify; every other
     * case (unknown login, wrong password, portal user, role `user`, archived, reset required,
     * temporarily locked) is the same error. Throttled and recorded like portal sign-ins
     * (domain/sign-in): 429 RATE_LIMITED for an address over its failure limit. An operator with
     * TOTP on also gives the current code (sign-in/second-factor.ts). A temporary password signs in,
     * but to a session that the operator guard holds to choosing a new password (`passwordChangeRequired`).
     * A portal user's login is unknown here: its failures never count against, or lock, the portal
     * account. A valid `deviceToken` of this operator is judged on its own failures
     * (sign-in/device-tokens.ts); every success returns one.
     */
    async signIn(login: string, password: string, origin: RequestOrigin, otp?: string, deviceToken?: string): Promise<LoginResponse> {
      // No login contains NUL, and PostgreSQL would refuse the parameter: treat it as unknown.
      const candidate = login.includes('\u0000')
        ? undefined
        : await db
            .selectFrom('users as u')
            .leftJoin('totp as t', 't.user_id', 'u.id')
            .select([
              'u.id',
              'u.login',
              'u.name',
              'u.kind',
              'u.role',
              'u.active',
              'u.password_hash',
              'u.locked_until',
              'u.reset_required',
              'u.must_change_password',
              'u.deleted_at',
              't.enabled_at as totp_enabled_at'
            ])
            .where(sameLoginAs(login))
            .where('u.kind', '=', 'internal')
            .executeTakeFirst()
      const attemptAt = clock.now()
      const device = candidate ? await findTrustedDevice(db, deviceToken, { userId: candidate.id, audience: 'operator' }, attemptAt) : null
      const attempt: SignInRequest = { login, password, audience: 'operator', ip: origin.ip, userAgent: origin.userAgent, now: attemptAt, device }
      const user = await passPasswordGate(db, attempt, candidate)
      const role = user.kind === 'internal' && user.active && user.deleted_at === null ? operatorRole(user.role) : null
      if (!role) await refuseSignIn(db, attempt, user, user.active ? 'not_eligible' : 'archived')
      if (user.reset_required) await refuseSignIn(db, attempt, user, 'reset_required')
      if (!role) throw new DeskError('INVALID_CREDENTIALS')
      await passSecondFactor(db, attempt, user, otp)

      const now = clock.now()
      const expiresAt = new Date(now.getTime() + sessionAbsoluteMs)
      const issued = issueToken()
      const issuedDevice = await db.transaction().execute(async (tx) => {
        const signedInFrom = await issueDeviceToken(tx, { userId: user.id, audience: 'operator' }, device, now)
        await tx
          .insertInto('sessions')
          .values({
            token_hash: issued.hash,
            user_id: user.id,
            audience: 'operator',
            created_at: now,
            last_seen_at: now,
            expires_at: expiresAt,
            ip: origin.ip,
            user_agent: origin.userAgent?.slice(0, 512) ?? null,
            device_id: signedInFrom.id
          })
          .execute()
        await recordSignInSuccess(tx, { userId: user.id, login: user.login, audience: 'operator', device }, now)
        await recordAttempt(tx, attempt, user, null, true)
        return signedInFrom
      })
      const operator = identify(user, role, user.totp_enabled_at)
      return {
        token: issued.token,
        expiresAt: expiresAt.toISOString(),
        operator,
        deviceToken: issuedDevice.token,
        ...(operator.passwordChangeRequired ? { passwordChangeRequired: true } : {})
      }
    },

    /** The live operator session behind a bearer token, or null when it is unknown, revoked or expired. */
    async authenticate(token: string): Promise<OperatorSession | null> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('totp as t', 't.user_id', 'u.id')
        .select(['s.id', 's.last_seen_at', 's.expires_at', 's.revoked_at', 's.reauth_at', 'u.id as user_id', 'u.login', 'u.name', 'u.kind', 'u.role', 'u.active', 'u.must_change_password', 't.enabled_at as totp_enabled_at'])
        .where('s.token_hash', '=', hashToken(token))
        .where('s.audience', '=', 'operator')
        .executeTakeFirst()
      if (!row) return null
      const now = clock.now().getTime()
      const role = row.kind === 'internal' && row.active ? operatorRole(row.role) : null
      if (!role || !sessionIsLive(row, now, sessionIdleMs)) return null
      await touchSession(db, row, now)
      const reauthUntil = row.reauth_at ? row.reauth_at.getTime() + reauthWindowMs : null
      return {
        sessionId: row.id,
        operator: identify({ id: row.user_id, login: row.login, name: row.name, must_change_password: row.must_change_password }, role, row.totp_enabled_at),
        expiresAt: row.expires_at,
        reauthenticatedUntil: reauthUntil !== null && reauthUntil > now ? new Date(reauthUntil) : null
      }
    },

    /**
     * The identity check: the operator's own password marks this session re-verified for ten
     * minutes. A wrong password is INVALID_CREDENTIALS (not UNAUTHORIZED: the session stays).
     * Every attempt is recorded with the sign-ins.
     */
    async reauthenticate(session: OperatorSession, password: string, origin: RequestOrigin): Promise<Date> {
      const now = clock.now()
      const user = await db.selectFrom('users').select(['id', 'password_hash', 'locked_until']).where('id', '=', session.operator.id).executeTakeFirst()
      const device = await deviceOfSession(db, session.sessionId, { userId: session.operator.id, audience: 'operator' }, now)
      const subject: ThrottleSubject = { login: session.operator.login, audience: 'operator', ip: origin.ip ?? null, user: user ?? null, device }
      // A stolen token must not become a password oracle: guesses here count like failed sign-ins,
      // and a locked account or a throttled address is refused before the password is looked at.
      const block = await signInBlock(db, subject, now)
      if (block === 'ip') throw new DeskError('RATE_LIMITED')
      if (block !== null) throw new DeskError('INVALID_CREDENTIALS')
      const matches = await verifyPassword(user?.password_hash ?? unknownUserHash, password)
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('sign_in_attempts')
          .values({
            user_id: session.operator.id,
            audience: 'operator',
            login: session.operator.login,
            ip: origin.ip?.slice(0, 64) ?? null,
            user_agent: origin.userAgent?.slice(0, 512) ?? null,
            at: now,
            success: matches && Boolean(user?.password_hash),
            reason: matches ? 'reauth' : 'reauth_wrong_password'
          })
          .execute()
        if (matches) await tx.updateTable('sessions').set({ reauth_at: now }).where('id', '=', session.sessionId).execute()
        else await recordSignInFailure(tx, subject, now)
      })
      if (!matches || !user?.password_hash) throw new DeskError('INVALID_CREDENTIALS')
      return new Date(now.getTime() + reauthWindowMs)
    },

    async signOut(sessionId: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ revoked_at: clock.now() })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute()
    }
  }
}

/** Whether the OPERATOR_2FA policy asks this role for TOTP: administrators, who can change everything. */
export function twoFactorRequiredFor(policy: OperatorTwoFactorPolicy, role: OperatorRole): boolean {
  return policy === 'required' && role === 'administrator'
}

function operatorRole(role: string | null): OperatorRole | null {
  return (operatorRoles as readonly string[]).includes(role ?? '') ? (role as OperatorRole) : null
}
