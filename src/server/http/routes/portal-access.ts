import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { apiErrorBody } from '../../../shared/api'
import { portalAccessRequest, portalAccessResponse } from '../../../shared/passwords'
import { userId } from '../../../shared/users'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { recipientMailLimitNote } from '../../domain/mail/recipient-limit'
import { managePortalAccess } from '../../domain/portal-access/manage'
import { findUserTarget } from '../../domain/users/target'
import { operatorGuard } from '../operator-guard'
import { auditContextOf, authorize } from '../request-context'
import { linkSettingsOf, type LinkConfig } from './link-settings'

export interface PortalAccessRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
  config: LinkConfig
}

export const portalAccessRoutes: FastifyPluginAsyncZod<PortalAccessRouteDeps> = async (app, { db, auth, clock, config }) => {
  app.post(
    '/api/v1/users/:id/portal-access',
    {
      onRequest: operatorGuard(auth),
      schema: {
        tags: ['portal access'],
        summary: "Odoo's portal access wizard: grant, revoke or reinvite",
        description:
          'grant: needs a valid email that is no other user\'s login; activates the user and emails a welcome with a set-password link. ' +
          `revoke: archives the user and revokes sessions and links. reinvite: the welcome email again. Administrators only. ${recipientMailLimitNote}`,
        security: [{ bearerAuth: [] }],
        params: z.object({ id: userId }),
        body: portalAccessRequest,
        response: { 200: portalAccessResponse, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody, 429: apiErrorBody, 503: apiErrorBody }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'portalAccess.manage', target)
      return managePortalAccess(db, {
        userId: target.id,
        action: request.body.action,
        actorId: context.operator.id,
        audit: auditContextOf(context, clock),
        now: clock.now(),
        settings: linkSettingsOf(app, config)
      })
    }
  )
}
