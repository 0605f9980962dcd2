import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { loginRequest, loginResponse, operator } from '../../../shared/auth'
import type { AuthService } from '../../domain/auth/auth-service'
import { operatorGuard, sessionOf } from '../operator-guard'

export interface AuthRouteDeps {
  auth: AuthService
}

const bearer = [{ bearerAuth: [] }]

export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (app, { auth }) => {
  const requireOperator = operatorGuard(auth)

  app.post(
    apiPaths.login,
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign an operator in (active internal users with the role administrator or support)',
        body: loginRequest,
        response: { 200: loginResponse, 400: apiErrorBody, 401: apiErrorBody }
      }
    },
    async (request) => {
      const { login, password } = request.body
      return auth.signIn(login, password, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
    }
  )

  app.post(
    apiPaths.logout,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['auth'],
        summary: 'Revoke the session of the bearer token',
        security: bearer,
        response: { 204: z.null().describe('Signed out'), 401: apiErrorBody }
      }
    },
    async (request, reply) => {
      await auth.signOut(sessionOf(request).sessionId)
      return reply.status(204).send(null)
    }
  )

  app.get(
    apiPaths.me,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['auth'],
        summary: 'The operator signed in with the bearer token',
        security: bearer,
        response: { 200: operator, 401: apiErrorBody }
      }
    },
    async (request) => sessionOf(request).operator
  )
}
