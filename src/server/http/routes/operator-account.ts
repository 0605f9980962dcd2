import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { DeskError } from '../../../shared/errors'
import type { OperatorAccount } from '../../../shared/operator-account'
import type { Clock } from '../../clock'
import type { AccountActor } from '../../domain/account/account-actor'
import { changeOwnPassword } from '../../domain/account/change-own-password'
import { beginOwnTwoFactor, confirmOwnTwoFactor, disableOwnTwoFactor, ownTwoFactorState } from '../../domain/account/own-two-factor'
import { twoFactorRequiredFor } from '../../domain/auth/auth-service'
import { listSessions, revokeAllSessions, revokeOneSession } from '../../domain/security/sessions'
import type { RouteDeps } from '../app'
import { registerEndpoint } from '../endpoint-route'
import { operatorContext } from '../request-context'


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
 * The operator's own account, OroCRM's "My User" (change password with the
 * current one, TOTP on or off, sessions). Every route is open to an administrator whom OPERATOR_2FA
 * still asks to set up TOTP: this is where they do it. No permission check beyond being signed in:
 * every operator owns their account, whatever their role.
 */
export const operatorAccountRoutes: FastifyPluginAsyncZod<Pick<RouteDeps, 'db' | 'auth' | 'clock' | 'config'>> = async (app, deps) => {
  const { db, clock, config } = deps
  const policy = config.operatorTwoFactor ?? 'optional'
  const accountOf = async (request: FastifyRequest): Promise<OperatorAccount> => {
    const { operator } = operatorContext(request)
    return { twoFactor: { ...(await ownTwoFactorState(db, operator.id)), required: twoFactorRequiredFor(policy, operator.role) } }
  }

  registerEndpoint(app, deps, endpoints.getOwnAccount, async (request) => accountOf(request))

  registerEndpoint(app, deps, endpoints.changeOwnPassword, async (request) =>
    changeOwnPassword(db, operatorActorOf(request, clock), request.body.currentPassword, request.body.newPassword)
  )

  registerEndpoint(app, deps, endpoints.beginOwnTwoFactor, async (request) => beginOwnTwoFactor(db, operatorActorOf(request, clock), request.body.password, 'PortalDesk'))

  registerEndpoint(app, deps, endpoints.confirmOwnTwoFactor, async (request) => {
    await confirmOwnTwoFactor(db, operatorActorOf(request, clock), request.body.code)
    return accountOf(request)
  })

  registerEndpoint(app, deps, endpoints.disableOwnTwoFactor, async (request, _reply, { context }) => {
    await disableOwnTwoFactor(db, operatorActorOf(request, clock), request.body.password, { required: twoFactorRequiredFor(policy, context.operator.role) })
    return accountOf(request)
  })

  registerEndpoint(app, deps, endpoints.listOwnSessions, async (_request, _reply, { context }) =>
    listSessions(db, context.operator.id, { includeRevoked: false, now: clock.now(), callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.revokeOtherOwnSessions, async (_request, _reply, { context, audit }) =>
    revokeAllSessions(db, { userId: context.operator.id, audit, callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.revokeOwnSession, async (request, _reply, { context, audit }) => {
    if (request.params.id === context.sessionId) {
      throw new DeskError('VALIDATION', 'This is the session you are using: sign out instead.', [{ path: 'id', message: 'This is the session you are using.' }])
    }
    return revokeOneSession(db, { userId: context.operator.id, audit, callerSessionId: context.sessionId, sessionId: request.params.id })
  })
}
