import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { passkeyLoginOptionsRequest, passkeyLoginRequest, portalLoginRequest, portalLoginResponse, portalPaths, webauthnOptions } from '../../../shared/portal'
import { createPortalSessions } from '../../domain/portal/portal-sessions'
import { signInPortalUser } from '../../domain/portal/portal-sign-in'
import { beginPasskeySignIn, finishPasskeySignIn } from '../../domain/passkeys/authentication'
import type { RouteDeps } from '../app'
import { portalGuard, portalSessionOf } from '../portal-guard'
import { requestOrigin } from '../request-context'
import { meRoutes } from './me'
import { bearer } from './me-context'

/**
 * The portal users' API: sign-in here, self-service under /api/v1/me (me*.ts). One registration in
 * app.ts; the portal sessions and their guard are built once and shared with the /me routes.
 */
export const portalRoutes: FastifyPluginAsyncZod<Pick<RouteDeps, 'db' | 'clock' | 'config'>> = async (app, { db, clock, config }) => {
  const sessions = createPortalSessions({ db, clock, sessionIdleMs: config.sessionIdleMs, sessionAbsoluteMs: config.sessionAbsoluteMs })
  const requirePortalUser = portalGuard(sessions)
  // Sign-out and choosing a new password stay open to a session signed in with a temporary password.
  const requirePasswordChanger = portalGuard(sessions, { duringPasswordChange: true })

  app.post(
    portalPaths.login,
    {
      schema: {
        tags: ['portal'],
        summary: 'Sign a portal user in with login, password and, when 2FA is on, a TOTP code',
        description:
          'Every refusal is 401 INVALID_CREDENTIALS with one message (unknown login, wrong password, archived, deleted, reset required, ' +
          'temporarily locked). Only after a right password on an account with 2FA do the details say `{otp: "required" | "invalid"}`. ' +
          'An address with too many failures gets 429 RATE_LIMITED until its 15-minute window ends. A temporary password (must change at next ' +
          'sign-in) answers `passwordChangeRequired: true`: the session may only choose a new password (POST /api/v1/me/password) and sign out; ' +
          'every other /me route answers 403 PASSWORD_CHANGE_REQUIRED. ' +
          'A success returns a `deviceToken`: ' +
          'sent back with later sign-ins of the same account, it is judged on its own failures, so its right password works while the account ' +
          'is locked for unknown devices. Any token that is not valid for this account counts as none.',
        body: portalLoginRequest,
        response: { 200: portalLoginResponse, 400: apiErrorBody, 401: apiErrorBody, 429: apiErrorBody }
      }
    },
    async (request) => signInPortalUser({ db, sessions, now: clock.now() }, request.body, requestOrigin(request))
  )

  app.post(
    portalPaths.passkeyLoginOptions,
    {
      schema: {
        tags: ['portal'],
        summary: 'Start a passkey sign-in on a portal website: WebAuthn request options with a single-use challenge (discoverable credentials)',
        body: passkeyLoginOptionsRequest,
        response: { 200: webauthnOptions, 400: apiErrorBody }
      }
    },
    async (request) => ({ options: await beginPasskeySignIn(db, request.body.websiteId, clock.now()) })
  )

  app.post(
    portalPaths.passkeyLogin,
    {
      schema: {
        tags: ['portal'],
        summary: 'Finish a passkey sign-in with the authenticator response: a portal session',
        description: 'Any refusal (unknown passkey, bad signature, used or expired challenge, account not allowed to sign in) is 401 INVALID_CREDENTIALS.',
        body: passkeyLoginRequest,
        response: { 200: portalLoginResponse, 400: apiErrorBody, 401: apiErrorBody, 429: apiErrorBody }
      }
    },
    async (request) => finishPasskeySignIn({ db, sessions, now: clock.now() }, request.body.response, requestOrigin(request))
  )

  app.post(
    portalPaths.logout,
    {
      onRequest: requirePasswordChanger,
      schema: { tags: ['me'], summary: 'Sign out: revoke the session of the bearer token', security: bearer, response: { 204: z.null().describe('Signed out'), 401: apiErrorBody } }
    },
    async (request, reply) => {
      await sessions.signOut(portalSessionOf(request).sessionId)
      return reply.status(204).send(null)
    }
  )

  await app.register(meRoutes, { db, clock, config, requirePortalUser, requirePasswordChanger })
}
