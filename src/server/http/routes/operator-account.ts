import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { DeskError } from '../../../shared/errors'
import {
  beginOwnTwoFactorRequest,
  changeOwnPasswordRequest,
  changeOwnPasswordResult,
  confirmOwnTwoFactorRequest,
  disableOwnTwoFactorRequest,
  operatorAccount,
  operatorAccountPaths,
  ownSessionParams,
  ownTwoFactorSetup,
  type OperatorAccount
} from '../../../shared/operator-account'
import { revokeResult, sessionList } from '../../../shared/security'
import type { Clock } from '../../clock'
import type { AccountActor } from '../../domain/account/account-actor'
import { changeOwnPassword } from '../../domain/account/change-own-password'
import { beginOwnTwoFactor, confirmOwnTwoFactor, disableOwnTwoFactor, ownTwoFactorState } from '../../domain/account/own-two-factor'
import { twoFactorRequiredFor } from '../../domain/auth/auth-service'
import { listSessions, revokeAllSessions, revokeOneSession } from '../../domain/security/sessions'
import { operatorGuard } from '../operator-guard'
import { auditContextOf, operatorContext } from '../request-context'
import type { RouteDeps } from '../app'
import { bearer, noBody } from './security-common'

const tags = ['my account']
const errors = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody, 429: apiErrorBody }

/** The operator behind a guarded request as someone acting on their own account. */
function operatorActorOf(request: FastifyRequest, clock: Clock): AccountActor {
  const context = operatorContext(request)
  return {
    userId: context.operator.id,
    login: context.operator.login,
    sessionId: context.sessionId,
    audience: 'operator',
    role: context.operator.role,
    ip: context.ip,
    userAgent: context.userAgent,
    now: clock.now()
  }
}

/**
 * /api/v1/auth/account: the operator's own account, OroCRM's "My User" (change password with the
 * current one, TOTP on or off, sessions). Every route is open to an administrator whom OPERATOR_2FA
 * still asks to set up TOTP: this is where they do it. No permission check beyond being signed in:
 * every operator owns their account, whatever their role.
 */
export const operatorAccountRoutes: FastifyPluginAsyncZod<Pick<RouteDeps, 'db' | 'auth' | 'clock' | 'config'>> = async (app, { db, auth, clock, config }) => {
  const requireOperator = operatorGuard(auth, { duringTwoFactorSetup: true })
  // Choosing a new password is the one thing a session opened with a temporary password may do.
  const requirePasswordChanger = operatorGuard(auth, { duringTwoFactorSetup: true, duringPasswordChange: true })
  const policy = config.operatorTwoFactor ?? 'optional'
  const accountOf = async (request: FastifyRequest): Promise<OperatorAccount> => {
    const { operator } = operatorContext(request)
    return { twoFactor: { ...(await ownTwoFactorState(db, operator.id)), required: twoFactorRequiredFor(policy, operator.role) } }
  }

  app.get(
    operatorAccountPaths.account,
    {
      onRequest: requireOperator,
      schema: { tags, summary: 'My account: whether my 2FA is on, and whether the portal requires it of me', security: bearer, response: { 200: operatorAccount, 401: apiErrorBody } }
    },
    async (request) => accountOf(request)
  )

  app.post(
    operatorAccountPaths.password,
    {
      onRequest: requirePasswordChanger,
      schema: {
        tags,
        summary: 'Change my password with the current one; my other sessions end, this one stays',
        description:
          'A wrong current password is 401 INVALID_CREDENTIALS and counts as a failed sign-in; the new one follows the password policy (400 on newPassword) ' +
          "and must differ from the current one (400 on newPassword, reason 'sameAsCurrentPassword'). This is the one route open to a session " +
          'signed in with a temporary password: success clears "must change password" and makes this session a full one.',
        security: bearer,
        body: changeOwnPasswordRequest,
        response: { 200: changeOwnPasswordResult, ...errors }
      }
    },
    async (request) => changeOwnPassword(db, operatorActorOf(request, clock), request.body.currentPassword, request.body.newPassword)
  )

  app.post(
    operatorAccountPaths.twoFactorSetup,
    {
      onRequest: requireOperator,
      schema: {
        tags,
        summary: 'Start turning my 2FA on (password required): a new TOTP secret and its otpauth URI, active once a code is verified',
        security: bearer,
        body: beginOwnTwoFactorRequest,
        response: { 200: ownTwoFactorSetup, ...errors }
      }
    },
    async (request) => beginOwnTwoFactor(db, operatorActorOf(request, clock), request.body.password, 'PortalDesk')
  )

  app.post(
    operatorAccountPaths.twoFactorConfirm,
    {
      onRequest: requireOperator,
      schema: {
        tags,
        summary: 'Verify a code from the new secret: my 2FA is on from now, and OPERATOR_2FA no longer holds me back',
        security: bearer,
        body: confirmOwnTwoFactorRequest,
        response: { 200: operatorAccount, ...errors }
      }
    },
    async (request) => {
      await confirmOwnTwoFactor(db, operatorActorOf(request, clock), request.body.code)
      return accountOf(request)
    }
  )

  app.post(
    operatorAccountPaths.twoFactorDisable,
    {
      onRequest: requireOperator,
      schema: {
        tags,
        summary: 'Turn my 2FA off, with my password',
        description: '403 FORBIDDEN when OPERATOR_2FA=required applies to my role.',
        security: bearer,
        body: disableOwnTwoFactorRequest,
        response: { 200: operatorAccount, ...errors }
      }
    },
    async (request) => {
      const actor = operatorActorOf(request, clock)
      await disableOwnTwoFactor(db, actor, request.body.password, { required: twoFactorRequiredFor(policy, operatorContext(request).operator.role) })
      return accountOf(request)
    }
  )

  app.get(
    operatorAccountPaths.sessions,
    {
      onRequest: requireOperator,
      schema: { tags, summary: 'My live sessions, newest first; the one making this request is `current`', security: bearer, response: { 200: sessionList, 401: apiErrorBody } }
    },
    async (request) => {
      const context = operatorContext(request)
      return listSessions(db, context.operator.id, { includeRevoked: false, now: clock.now(), callerSessionId: context.sessionId })
    }
  )

  app.post(
    operatorAccountPaths.otherSessions,
    {
      onRequest: requireOperator,
      schema: { tags, summary: 'Sign me out everywhere else: every session but this one ends', security: bearer, body: noBody, response: { 200: revokeResult, ...errors } }
    },
    async (request) => {
      const context = operatorContext(request)
      return revokeAllSessions(db, { userId: context.operator.id, audit: auditContextOf(context, clock), callerSessionId: context.sessionId })
    }
  )

  app.delete(
    '/api/v1/auth/account/sessions/:id',
    {
      onRequest: requireOperator,
      schema: {
        tags,
        summary: 'End one of my other sessions',
        description: 'The session making the request is ended by signing out (POST /api/v1/auth/logout), not here: 400.',
        security: bearer,
        params: ownSessionParams,
        response: { 200: revokeResult, ...errors }
      }
    },
    async (request) => {
      const context = operatorContext(request)
      if (request.params.id === context.sessionId) {
        throw new DeskError('VALIDATION', 'This is the session you are using: sign out instead.', [{ path: 'id', message: 'This is the session you are using.' }])
      }
      return revokeOneSession(db, { userId: context.operator.id, audit: auditContextOf(context, clock), callerSessionId: context.sessionId, sessionId: request.params.id })
    }
  )
}
