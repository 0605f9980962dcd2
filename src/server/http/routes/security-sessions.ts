import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { lockState, revokeResult, sessionId, sessionList, signInList } from '../../../shared/security'
import { unlockUser } from '../../domain/security/lock'
import { listSessions, revokeAllSessions, revokeOneSession } from '../../domain/security/sessions'
import { listSignIns } from '../../domain/security/sign-ins'
import { operatorGuard } from '../operator-guard'
import { authorizeOnUser, bearer, includeRevoked, noBody, noQuery, refusals, securityTag, userParams, writeRefusals, type SecurityRouteDeps } from './security-common'

/** Sessions, the temporary sign-in lock and the sign-in history of one user. */
export const sessionRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, { db, auth, clock }) => {
  const requireOperator = operatorGuard(auth)

  app.get(
    '/api/v1/users/:id/sessions',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: "The user's sessions, newest first: device (user agent), IP, started, last seen, whether it is the caller's",
        description: 'Revoked sessions only with includeRevoked=true. Support: portal users only.',
        security: bearer,
        params: userParams,
        querystring: includeRevoked,
        response: { 200: sessionList, ...refusals }
      }
    },
    async (request) => {
      const { target, context } = await authorizeOnUser(db, clock, request, request.params.id, 'sessions.read')
      return listSessions(db, target.id, { includeRevoked: request.query.includeRevoked === 'true', now: clock.now(), callerSessionId: context.sessionId })
    }
  )

  app.delete(
    '/api/v1/users/:id/sessions',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Sign the user out everywhere: revoke every live session',
        description: "Operators acting on their own account keep the session they are using. Support: portal users only, with X-Ticket-Ref.",
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: revokeResult, ...refusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'sessions.revoke')
      return revokeAllSessions(db, { userId: target.id, audit, callerSessionId: context.sessionId })
    }
  )

  app.delete(
    '/api/v1/users/:id/sessions/:sid',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Revoke one session of the user',
        description: '404 when the user has no session with this id (even if someone else has), 409 when it was already revoked.',
        security: bearer,
        params: userParams.extend({ sid: sessionId }),
        body: noBody,
        response: { 200: revokeResult, ...writeRefusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'sessions.revoke')
      return revokeOneSession(db, { userId: target.id, audit, callerSessionId: context.sessionId, sessionId: request.params.sid })
    }
  )

  app.post(
    '/api/v1/users/:id/unlock',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Clear the temporary sign-in lock and the failure counters',
        description: '409 when the account is not locked and has no failures to clear. Support: portal users only, with X-Ticket-Ref.',
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: lockState, ...writeRefusals }
      }
    },
    async (request) => {
      const { target, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'lock.unlock')
      return unlockUser(db, { userId: target.id, audit })
    }
  )

  app.get(
    '/api/v1/users/:id/sign-ins',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'The last 50 sign-in attempts, successful and failed: time, IP, user agent',
        description: 'Support: portal users only.',
        security: bearer,
        params: userParams,
        querystring: noQuery,
        response: { 200: signInList, ...refusals }
      }
    },
    async (request) => {
      const { target } = await authorizeOnUser(db, clock, request, request.params.id, 'signIns.read')
      return listSignIns(db, target.id)
    }
  )
}
