import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { changePasswordRequest, deleteAccountRequest, meContactUpdate, meProfile, passwordConfirmation, portalPaths, sessionsRevokedResponse } from '../../../shared/portal'
import { changeOwnPassword } from '../../domain/account/change-own-password'
import { deleteOwnAccount, signOutOtherSessions } from '../../domain/portal/account-security'
import { readProfile, updateOwnContact } from '../../domain/portal/profile'
import { portalSessionOf } from '../portal-guard'
import { linkSettingsOf } from './link-settings'
import { bearer, portalActorOf, type MeRouteDeps } from './me-context'
import { meSecurityRoutes } from './me-security'
import { meWalletRoutes } from './me-wallet'

/** /api/v1/me: the profile, contact form, password, sessions and account deletion (security and wallet in me-*.ts). */
export const meRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, deps) => {
  const { db, clock, config, requirePortalUser, requirePasswordChanger } = deps
  const errors = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 409: apiErrorBody, 429: apiErrorBody }

  app.get(
    portalPaths.me,
    { onRequest: requirePortalUser, schema: { tags: ['me'], summary: 'The signed-in portal user', security: bearer, response: { 200: meProfile, 401: apiErrorBody, 403: apiErrorBody } } },
    async (request) => readProfile(db, portalSessionOf(request).userId, clock.now())
  )

  app.patch(
    portalPaths.me,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Update my contact information (name, email, phone, street, city, country required; the login cannot change)',
        description:
          'Send the `version` that was read: a stale one is 409 CONFLICT with details.currentVersion. Country, company name and VAT are ' +
          'locked once documents exist for the company: 409 DOCUMENT_LOCKED naming each field, telling the user to contact an administrator. ' +
          'Company name and VAT are refused with 403 FORBIDDEN (details.reason `companyShared`) when other users share the company. ' +
          'A new email needs `currentPassword` (403 REAUTH_REQUIRED, reason `passwordRequired`, without it; 401 when wrong) and stays ' +
          '`pendingEmail` until the link sent to it is followed; the old address is told at once, with a link that undoes the change.',
        security: bearer,
        body: meContactUpdate,
        response: { 200: meProfile, ...errors }
      }
    },
    async (request) => {
      const actor = portalActorOf(request, clock)
      await updateOwnContact(db, actor, request.body, linkSettingsOf(app, config))
      return readProfile(db, actor.userId, actor.now)
    }
  )

  app.post(
    portalPaths.password,
    {
      onRequest: requirePasswordChanger,
      schema: {
        tags: ['me'],
        summary: 'Change my password with the current one; my other sessions are signed out, this one stays',
        description:
          'A wrong current password is 401 INVALID_CREDENTIALS and counts as a failed sign-in. The new password must pass the policy and differ from ' +
          "the current one (400 on newPassword; reason 'sameAsCurrentPassword'). This is the one route open to a session signed in with a temporary " +
          'password: success clears "must change password" and makes this session a full one.',
        security: bearer,
        body: changePasswordRequest,
        response: { 200: sessionsRevokedResponse, ...errors }
      }
    },
    async (request) => {
      const result = await changeOwnPassword(db, portalActorOf(request, clock), request.body.currentPassword, request.body.newPassword)
      return { revoked: result.sessionsRevoked }
    }
  )

  app.post(
    portalPaths.signOutOthers,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Log out from all devices: with my password, revoke every session but this one',
        security: bearer,
        body: passwordConfirmation,
        response: { 200: sessionsRevokedResponse, ...errors }
      }
    },
    async (request) => ({ revoked: await signOutOtherSessions(db, portalActorOf(request, clock), request.body.password) })
  )

  app.delete(
    portalPaths.me,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Delete my account: my password and my login typed in; email and phone go on the block list unless blocklist is false',
        security: bearer,
        body: deleteAccountRequest,
        response: { 204: z.null().describe('Deleted; every session has ended'), ...errors }
      }
    },
    async (request, reply) => {
      await deleteOwnAccount(db, portalActorOf(request, clock), request.body)
      return reply.status(204).send(null)
    }
  )

  await app.register(meSecurityRoutes, deps)
  await app.register(meWalletRoutes, deps)
}
