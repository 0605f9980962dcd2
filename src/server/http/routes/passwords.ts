import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { apiErrorBody } from '../../../shared/api'
import {
  requireResetResponse,
  resetLinkStatusResponse,
  revokeResetLinkResponse,
  sendResetLinkResponse,
  setPasswordRequest,
  setPasswordResponse
} from '../../../shared/passwords'
import { userId } from '../../../shared/users'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { operatorSetPassword } from '../../domain/passwords/operator-set-password'
import { recipientMailLimitNote } from '../../domain/mail/recipient-limit'
import { requireReset, resetLinkStatus, revokeResetLinks, sendResetLink } from '../../domain/reset/operator-links'
import { findUserTarget } from '../../domain/users/target'
import { operatorGuard } from '../operator-guard'
import { auditContextOf, authorize } from '../request-context'
import { linkSettingsOf, type LinkConfig } from './link-settings'
import { outboxRoutes, type OutboxRouteDeps } from './outbox'
import { portalAccessRoutes } from './portal-access'
import { resetPageRoutes } from './reset-page'

export interface PasswordRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
  config: LinkConfig
}

const bearer = [{ bearerAuth: [] }]
const params = z.object({ id: userId })
/** These actions take no input; an empty object is accepted, anything in it is refused. */
const noInput = z.object({}).strict().nullish()
const refusals = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody, 503: apiErrorBody }
/** The actions whose email counts toward the per-user mail limit. */
const mailingRefusals = { ...refusals, 429: apiErrorBody }

export const passwordRoutes: FastifyPluginAsyncZod<PasswordRouteDeps> = async (app, { db, auth, clock, config }) => {
  const requireOperator = operatorGuard(auth)
  const portalUrl = () => linkSettingsOf(app, config).publicUrl

  app.post(
    '/api/v1/users/:id/password',
    {
      onRequest: requireOperator,
      schema: {
        tags: ['passwords'],
        summary: "Set a user's password; all their sessions are revoked",
        description:
          'The policy: 8 to 128 characters, not common or weak (zxcvbn-ts). Support agents: portal users only, with X-Ticket-Ref, and mustChange: true. ' +
          "Another internal user's password needs a re-authentication. notify sends the \"password changed\" email (never the password). " +
          "Operators cannot set their own password here: 409 with details.reason ownAccount, pointing to POST /api/v1/auth/account/password.",
        security: bearer,
        params,
        body: setPasswordRequest,
        response: { 200: setPasswordResponse, ...refusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'password.set', target)
      return operatorSetPassword(db, {
        userId: target.id,
        request: request.body,
        actorRole: context.operator.role,
        actorId: context.operator.id,
        audit: auditContextOf(context, clock),
        now: clock.now(),
        portalUrl: portalUrl()
      })
    }
  )

  app.post(
    '/api/v1/users/:id/reset-link',
    {
      onRequest: requireOperator,
      schema: {
        tags: ['passwords'],
        summary: 'Email a single-use link to choose a new password; older outstanding links stop working',
        description: `The link holds a 256-bit token (stored as its SHA-256) and expires after RESET_LINK_TTL_MINUTES (default 60). ${recipientMailLimitNote}`,
        security: bearer,
        params,
        body: noInput,
        response: { 200: sendResetLinkResponse, ...mailingRefusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'password.resetLink', target)
      return sendResetLink(db, { userId: target.id, actorId: context.operator.id, audit: auditContextOf(context, clock), now: clock.now(), settings: linkSettingsOf(app, config) })
    }
  )

  app.get(
    '/api/v1/users/:id/reset-link',
    {
      onRequest: requireOperator,
      schema: {
        tags: ['passwords'],
        summary: "The user's latest link: sent at, expires at, and pending, used, expired or revoked",
        security: bearer,
        params,
        response: { 200: resetLinkStatusResponse, ...refusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      authorize(request, 'password.resetLink', target)
      return resetLinkStatus(db, target.id, clock.now())
    }
  )

  app.delete(
    '/api/v1/users/:id/reset-link',
    {
      onRequest: requireOperator,
      schema: {
        tags: ['passwords'],
        summary: "Revoke the user's outstanding links",
        security: bearer,
        params,
        body: noInput,
        response: { 200: revokeResetLinkResponse, ...refusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'password.resetLink', target)
      return revokeResetLinks(db, { userId: target.id, audit: auditContextOf(context, clock), now: clock.now() })
    }
  )

  app.post(
    '/api/v1/users/:id/require-reset',
    {
      onRequest: requireOperator,
      schema: {
        tags: ['passwords'],
        summary: 'Require a new password (Oro\'s "Reset password"): no sign-in until it is set through the link sent now',
        description: `The user is signed out everywhere at once. Administrators only. ${recipientMailLimitNote}`,
        security: bearer,
        params,
        body: noInput,
        response: { 200: requireResetResponse, ...mailingRefusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'password.requireReset', target)
      return requireReset(db, { userId: target.id, actorId: context.operator.id, audit: auditContextOf(context, clock), now: clock.now(), settings: linkSettingsOf(app, config) })
    }
  )
}

export type PasswordSliceDeps = PasswordRouteDeps & { config: LinkConfig & OutboxRouteDeps['config'] }

/** Passwords, reset links, portal access, the outbox and the public reset page: one registration in app.ts. */
export const passwordAndMailRoutes: FastifyPluginAsyncZod<PasswordSliceDeps> = async (app, deps) => {
  await app.register(passwordRoutes, deps)
  await app.register(portalAccessRoutes, deps)
  await app.register(outboxRoutes, deps)
  await app.register(resetPageRoutes, deps)
}
