import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { endpoints } from '../../../shared/endpoints'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { registerEndpoint } from '../endpoint-route'
import { sessionOf } from '../operator-guard'
import { requestOrigin } from '../request-context'

export interface AuthRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (app, deps) => {
  const { auth } = deps

  registerEndpoint(app, deps, endpoints.login, async (request) => {
    const { login, password, otp, deviceToken } = request.body
    return auth.signIn(login, password, requestOrigin(request), otp, deviceToken)
  })

  registerEndpoint(app, deps, endpoints.logout, async (request, reply) => {
    await auth.signOut(sessionOf(request).sessionId)
    return reply.status(204).send(null)
  })

  registerEndpoint(app, deps, endpoints.whoAmI, async (request) => sessionOf(request).operator)

  registerEndpoint(app, deps, endpoints.reauthenticate, async (request) => {
    const until = await auth.reauthenticate(sessionOf(request), request.body.password, requestOrigin(request))
    return { reauthenticatedUntil: until.toISOString() }
  })
}
