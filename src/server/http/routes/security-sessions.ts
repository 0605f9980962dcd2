import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { unlockUser } from '../../domain/security/lock'
import { listSessions, revokeAllSessions, revokeOneSession } from '../../domain/security/sessions'
import { listSignIns } from '../../domain/security/sign-ins'
import { registerEndpoint } from '../endpoint-route'
import type { SecurityRouteDeps } from './security-common'

/** Sessions, the temporary sign-in lock and the sign-in history of one user. */
export const sessionRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  registerEndpoint(app, deps, endpoints.listUserSessions, async (request, _reply, { target, context }) =>
    listSessions(db, target.id, { includeRevoked: request.query.includeRevoked === 'true', now: clock.now(), callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.revokeUserSessions, async (_request, _reply, { target, context, audit }) =>
    revokeAllSessions(db, { userId: target.id, audit, callerSessionId: context.sessionId })
  )

  registerEndpoint(app, deps, endpoints.revokeUserSession, async (request, _reply, { target, context, audit }) =>
    revokeOneSession(db, { userId: target.id, audit, callerSessionId: context.sessionId, sessionId: request.params.sid })
  )

  registerEndpoint(app, deps, endpoints.unlockUser, async (_request, _reply, { target, audit }) => unlockUser(db, { userId: target.id, audit }))

  registerEndpoint(app, deps, endpoints.listUserSignIns, async (_request, _reply, { target }) => listSignIns(db, target.id))
}
