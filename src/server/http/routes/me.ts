import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { changeOwnPassword } from '../../domain/account/change-own-password'
import { deleteOwnAccount, signOutOtherSessions } from '../../domain/portal/account-security'
import { readProfile, updateOwnContact } from '../../domain/portal/profile'
import { registerEndpoint } from '../endpoint-route'
import { portalSessionOf } from '../portal-guard'
import { linkSettingsOf } from './link-settings'
import { portalActorOf, type MeRouteDeps } from './me-context'
import { meSecurityRoutes } from './me-security'
import { meWalletRoutes } from './me-wallet'

/** The portal user's profile, contact form, password, sessions and account deletion (security and wallet in me-*.ts). */
export const meRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, deps) => {
  const { db, clock, config } = deps

  registerEndpoint(app, deps, endpoints.getMe, async (request) => readProfile(db, portalSessionOf(request).userId, clock.now()))

  registerEndpoint(app, deps, endpoints.updateMe, async (request) => {
    const actor = portalActorOf(request, clock)
    await updateOwnContact(db, actor, request.body, linkSettingsOf(app, config))
    return readProfile(db, actor.userId, actor.now)
  })

  registerEndpoint(app, deps, endpoints.changeMyPassword, async (request) => {
    const result = await changeOwnPassword(db, portalActorOf(request, clock), request.body.currentPassword, request.body.newPassword)
    return { revoked: result.sessionsRevoked }
  })

  registerEndpoint(app, deps, endpoints.signOutOthers, async (request) => ({ revoked: await signOutOtherSessions(db, portalActorOf(request, clock), request.body.password) }))

  registerEndpoint(app, deps, endpoints.deleteMe, async (request, reply) => {
    await deleteOwnAccount(db, portalActorOf(request, clock), request.body)
    return reply.status(204).send(null)
  })

  await app.register(meSecurityRoutes, deps)
  await app.register(meWalletRoutes, deps)
}
