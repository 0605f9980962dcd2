import type { FastifyRequest } from 'fastify'
import { DeskError } from '../../shared/errors'
import type { AuthService, OperatorSession } from '../domain/auth/auth-service'
import { bearerToken } from '../domain/auth/tokens'
import { passwordChangeRequired } from './password-change-required'
import { parseAuditHeaders, type AuditHeaders } from './audit-headers'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the operator guard on protected routes. */
    operatorSession: OperatorSession | null
    /** X-Ticket-Ref and X-Reason, validated by the operator guard. */
    auditHeaders: AuditHeaders | null
  }
}

export interface OperatorGuardOptions {
  /**
   * The route stays open to an operator whom the OPERATOR_2FA policy still asks to set up TOTP:
   * sign-out, who am I, and their own account, where the setup is made. Every other route refuses
   * them with 403 TWO_FACTOR_REQUIRED, so that a new route is closed unless it says otherwise.
   */
  duringTwoFactorSetup?: boolean
  /**
   * The route stays open to an operator who signed in with a temporary password: choosing a new
   * one, who am I and sign-out. Every other route refuses them with 403 PASSWORD_CHANGE_REQUIRED,
   * closed by default like the OPERATOR_2FA setup.
   */
  duringPasswordChange?: boolean
}

/**
 * An `onRequest` hook for routes that need a signed-in operator. It runs before the body is read
 * or validated: an anonymous caller learns nothing about what a valid request would look like.
 * It then validates X-Ticket-Ref and X-Reason (400 when malformed), so that no route can forget to.
 */
export function operatorGuard(auth: AuthService, { duringTwoFactorSetup = false, duringPasswordChange = false }: OperatorGuardOptions = {}) {
  return async function requireOperator(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request.headers.authorization)
    const session = token ? await auth.authenticate(token) : null
    if (!session) throw new DeskError('UNAUTHORIZED')
    // The password first: setting up TOTP asks for it, and a temporary one is known to someone else.
    if (session.operator.passwordChangeRequired === true && !duringPasswordChange) throw passwordChangeRequired()
    if (session.operator.twoFactorSetupRequired === true && !duringTwoFactorSetup) throw new DeskError('TWO_FACTOR_REQUIRED')
    request.operatorSession = session
    request.auditHeaders = parseAuditHeaders(request.headers)
  }
}

/** The session set by the guard; only call it on guarded routes. */
export function sessionOf(request: FastifyRequest): OperatorSession {
  if (!request.operatorSession) throw new DeskError('UNAUTHORIZED')
  return request.operatorSession
}
