import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { listPasskeys, revokePasskey } from '../../domain/security/passkeys'
import { disableTwoFactor, inviteToTwoFactor } from '../../domain/security/two-factor'
import { registerEndpoint } from '../endpoint-route'
import type { SecurityRouteDeps } from './security-common'

/** Two-factor authentication and passkeys of one user, as operators manage them (never create them). */
export const twoFactorRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, deps) => {
  const { db } = deps

  registerEndpoint(app, deps, endpoints.inviteToTwoFactor, async (_request, _reply, { target, context, audit }) =>
    inviteToTwoFactor(db, { userId: target.id, audit, callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.disableTwoFactor, async (_request, _reply, { target, context, audit }) =>
    disableTwoFactor(db, { userId: target.id, audit, callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.listUserPasskeys, async (_request, _reply, { target }) => listPasskeys(db, target.id))

  registerEndpoint(app, deps, endpoints.revokeUserPasskey, async (request, _reply, { target, audit }) =>
    revokePasskey(db, { userId: target.id, passkeyId: request.params.pid, audit })
  )
}
