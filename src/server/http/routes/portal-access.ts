import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { endpoints } from '../../../shared/endpoints'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { managePortalAccess } from '../../domain/portal-access/manage'
import { registerEndpoint } from '../endpoint-route'
import { linkSettingsOf, type LinkConfig } from './link-settings'

export interface PortalAccessRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
  config: LinkConfig
}

export const portalAccessRoutes: FastifyPluginAsyncZod<PortalAccessRouteDeps> = async (app, deps) => {
  const { db, clock, config } = deps
  registerEndpoint(app, deps, endpoints.managePortalAccess, async (request, _reply, { target, context, audit }) =>
    managePortalAccess(db, {
      userId: target.id,
      action: request.body.action,
      actorId: context.operator.id,
      audit,
      now: clock.now(),
      settings: linkSettingsOf(app, config)
    })
  )
}
