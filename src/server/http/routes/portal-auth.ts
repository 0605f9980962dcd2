import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { createPortalSessions } from '../../domain/portal/portal-sessions'
import { signInPortalUser } from '../../domain/portal/portal-sign-in'
import { beginPasskeySignIn, finishPasskeySignIn } from '../../domain/passkeys/authentication'
import type { RouteDeps } from '../app'
import { registerEndpoint } from '../endpoint-route'
import { portalGuard, portalSessionOf } from '../portal-guard'
import { requestOrigin } from '../request-context'
import { meRoutes } from './me'
import type { MeRouteDeps } from './me-context'

/**
 * The portal users' API: sign-in here, self-service in me*.ts. One registration in app.ts; the
 * portal sessions and their guard are built once and shared with the self-service routes.
 */
export const portalRoutes: FastifyPluginAsyncZod<Pick<RouteDeps, 'db' | 'clock' | 'config'>> = async (app, { db, clock, config }) => {
  const sessions = createPortalSessions({ db, clock, sessionIdleMs: config.sessionIdleMs, sessionAbsoluteMs: config.sessionAbsoluteMs })
  const deps: MeRouteDeps = { db, clock, config, portalGuard: (options) => portalGuard(sessions, options) }

  registerEndpoint(app, deps, endpoints.portalLogin, async (request) => signInPortalUser({ db, sessions, now: clock.now() }, request.body, requestOrigin(request)))

  registerEndpoint(app, deps, endpoints.passkeyLoginOptions, async (request) => ({ options: await beginPasskeySignIn(db, request.body.websiteId, clock.now()) }))

  registerEndpoint(app, deps, endpoints.passkeyLogin, async (request) =>
    finishPasskeySignIn({ db, sessions, now: clock.now() }, request.body.response, requestOrigin(request))
  )

  registerEndpoint(app, deps, endpoints.portalLogout, async (request, reply) => {
    await sessions.signOut(portalSessionOf(request).sessionId)
    return reply.status(204).send(null)
  })

  await app.register(meRoutes, deps)
}
