import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { loginRequest, loginResponse, operator, reauthRequest, reauthResponse } from '../../../shared/auth'
import type { AuthService } from '../../domain/auth/auth-service'
import { operatorGuard, sessionOf } from '../operator-guard'
import { requestOrigin } from '../request-context'

export interface AuthRouteDeps {
  auth: AuthService
}

const bearer = [{ bearerAuth: [] }]

export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (app, { auth }) => {
  // Sign-out, who am I and the identity check stay open while OPERATOR_2FA waits for a TOTP setup;
  // sign-out and who am I also while a temporary password waits to be replaced.
  const requireOperator = operatorGuard(auth, { duringTwoFactorSetup: true })
  const requireAnyOperator = operatorGuard(auth, { duringTwoFactorSetup: true, duringPasswordChange: true })

  app.post(
    apiPaths.login,
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign an operator in (active internal users with the role administrator or support)',
        description:
          'An operator with 2FA on also sends `otp`; without it, or with a wrong one, the answer is 401 INVALID_CREDENTIALS with `details.otp` ' +
          "'required' or 'invalid' (only after a right password). Under OPERATOR_2FA=required an administrator without TOTP gets " +
          '`operator.twoFactorSetupRequired: true`, and every route but /auth/* answers 403 TWO_FACTOR_REQUIRED until the setup is done. ' +
          'A temporary password (must change at next sign-in) gives `passwordChangeRequired: true` (and `operator.passwordChangeRequired`): ' +
          'until POST /api/v1/auth/account/password chooses a new one, every route but that one, GET /auth/me and sign-out answers 403 PASSWORD_CHANGE_REQUIRED. ' +
          'A success returns a `deviceToken`: sent back with later sign-ins of the same operator, it is judged on its own failures, so its ' +
          'right password works while the account is locked for unknown devices. Any token that is not valid for this operator counts as none.',
        body: loginRequest,
        response: { 200: loginResponse, 400: apiErrorBody, 401: apiErrorBody }
      }
    },
    async (request) => {
      const { login, password, otp, deviceToken } = request.body
      return auth.signIn(login, password, requestOrigin(request), otp, deviceToken)
    }
  )

  app.post(
    apiPaths.logout,
    {
      onRequest: requireAnyOperator,
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
      onRequest: requireAnyOperator,
      schema: {
        tags: ['auth'],
        summary: 'The operator signed in with the bearer token',
        security: bearer,
        response: { 200: operator, 401: apiErrorBody }
      }
    },
    async (request) => sessionOf(request).operator
  )

  app.post(
    apiPaths.reauth,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['auth'],
        summary: 'Re-verify the operator with their password: sensitive actions are allowed for 10 minutes',
        description:
          'Needed for disabling 2FA, deleting a user, changing a login or role, and changing another internal ' +
          "user's password; without it they answer 403 REAUTH_REQUIRED. A wrong password is 401 INVALID_CREDENTIALS and keeps the session.",
        security: bearer,
        body: reauthRequest,
        response: { 200: reauthResponse, 400: apiErrorBody, 401: apiErrorBody }
      }
    },
    async (request) => {
      const until = await auth.reauthenticate(sessionOf(request), request.body.password, requestOrigin(request))
      return { reauthenticatedUntil: until.toISOString() }
    }
  )
}
