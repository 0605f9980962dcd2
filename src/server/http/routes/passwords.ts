import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { endpoints } from '../../../shared/endpoints'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { operatorSetPassword } from '../../domain/passwords/operator-set-password'
import { requireReset, resetLinkStatus, revokeResetLinks, sendResetLink } from '../../domain/reset/operator-links'
import { registerEndpoint } from '../endpoint-route'
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

export const passwordRoutes: FastifyPluginAsyncZod<PasswordRouteDeps> = async (app, deps) => {
  const { db, clock, config } = deps
  const portalUrl = () => linkSettingsOf(app, config).publicUrl

  registerEndpoint(app, deps, endpoints.setUserPassword, async (request, _reply, { target, context, audit }) =>
    operatorSetPassword(db, {
      userId: target.id,
      request: request.body,
      actorRole: context.operator.role,
      actorId: context.operator.id,
      audit,
      now: clock.now(),
      portalUrl: portalUrl()
    })
  )

  registerEndpoint(app, deps, endpoints.sendResetLink, async (_request, _reply, { target, context, audit }) =>
    sendResetLink(db, { userId: target.id, actorId: context.operator.id, audit, now: clock.now(), settings: linkSettingsOf(app, config) })
  )

  registerEndpoint(app, deps, endpoints.resetLinkStatus, async (_request, _reply, { target }) => resetLinkStatus(db, target.id, clock.now()))

  registerEndpoint(app, deps, endpoints.revokeResetLinks, async (_request, _reply, { target, audit }) =>
    revokeResetLinks(db, { userId: target.id, audit, now: clock.now() })
  )

  registerEndpoint(app, deps, endpoints.requireReset, async (_request, _reply, { target, context, audit }) =>
    requireReset(db, { userId: target.id, actorId: context.operator.id, audit, now: clock.now(), settings: linkSettingsOf(app, config) })
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
