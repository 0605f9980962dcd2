import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import {
  idParams,
  passkeyCreateRequest,
  passkeyItem,
  passkeyRenameRequest,
  passwordConfirmation,
  portalPaths,
  twoFactorSetupResponse,
  twoFactorStatus,
  twoFactorVerifyRequest,
  webauthnOptions
} from '../../../shared/portal'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../../domain/audit/record'
import { beginPasskeyRegistration, finishPasskeyRegistration, type PasskeyOwner } from '../../domain/passkeys/registration'
import { deletePasskey, listPasskeys, renamePasskey } from '../../domain/passkeys/manage'
import { confirmOwnPassword, ownAuditContext } from '../../domain/account/confirm-password'
import type { AccountActor } from '../../domain/account/account-actor'
import { beginOwnTwoFactor, confirmOwnTwoFactor, disableOwnTwoFactor } from '../../domain/account/own-two-factor'
import { bearer, portalActorOf, type MeRouteDeps } from './me-context'

const errors = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody, 429: apiErrorBody }

/** /api/v1/me/2fa and /api/v1/me/passkeys: the second factors a user manages themselves. */
export const meSecurityRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, { db, clock, requirePortalUser }) => {
  const accountOf = async (actor: AccountActor) =>
    db
      .selectFrom('users as u')
      .leftJoin('websites as w', 'w.id', 'u.website_id')
      .select(['u.id', 'u.login', 'u.name', 'u.website_id', 'w.name as website_name'])
      .where('u.id', '=', actor.userId)
      .executeTakeFirstOrThrow()

  app.post(
    portalPaths.twoFactorSetup,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Start turning on 2FA (password required): a new TOTP secret as an otpauth URI, active once a code is verified',
        security: bearer,
        body: passwordConfirmation,
        response: { 200: twoFactorSetupResponse, ...errors }
      }
    },
    async (request) => {
      const actor = portalActorOf(request, clock)
      const account = await accountOf(actor)
      return beginOwnTwoFactor(db, actor, request.body.password, account.website_name ?? 'PortalDesk')
    }
  )

  app.post(
    portalPaths.twoFactorVerify,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Verify a code from the new secret: 2FA is on from now (the code cannot be used again)',
        security: bearer,
        body: twoFactorVerifyRequest,
        response: { 200: twoFactorStatus, ...errors }
      }
    },
    async (request) => {
      await confirmOwnTwoFactor(db, portalActorOf(request, clock), request.body.code)
      return { enabled: true }
    }
  )

  app.delete(
    portalPaths.twoFactor,
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'Turn 2FA off, with my password', security: bearer, body: passwordConfirmation, response: { 200: twoFactorStatus, ...errors } }
    },
    async (request) => {
      await disableOwnTwoFactor(db, portalActorOf(request, clock), request.body.password)
      return { enabled: false }
    }
  )

  app.get(
    portalPaths.passkeys,
    { onRequest: requirePortalUser, schema: { tags: ['me'], summary: 'My passkeys: name, created, last used', security: bearer, response: { 200: z.object({ items: z.array(passkeyItem) }), 401: apiErrorBody, 403: apiErrorBody } } },
    async (request) => ({ items: await listPasskeys(db, portalActorOf(request, clock).userId) })
  )

  const ownerOf = async (actor: AccountActor): Promise<PasskeyOwner> => {
    const account = await accountOf(actor)
    return { id: account.id, login: account.login, name: account.name, websiteId: account.website_id, sessionId: actor.sessionId }
  }

  app.post(
    portalPaths.passkeyOptions,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Start adding a passkey (password required first, as on the Odoo page): WebAuthn creation options for my website',
        security: bearer,
        body: passwordConfirmation,
        response: { 200: webauthnOptions, ...errors }
      }
    },
    async (request) => {
      const actor = portalActorOf(request, clock)
      await confirmOwnPassword(db, actor, request.body.password)
      return { options: await beginPasskeyRegistration(db, await ownerOf(actor), actor.now) }
    }
  )

  app.post(
    portalPaths.passkeys,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: "Finish adding a passkey with the authenticator's attestation and a name",
        security: bearer,
        body: passkeyCreateRequest,
        response: { 201: passkeyItem, ...errors }
      }
    },
    async (request, reply) => {
      const actor = portalActorOf(request, clock)
      const owner = await ownerOf(actor)
      const item = await withTransaction(db, async (trx) => {
        const created = await finishPasskeyRegistration(trx, owner, { name: request.body.name, response: request.body.response }, actor.now)
        await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.add', targetUserId: actor.userId, changes: { passkey: { from: null, to: created.name } } })
        return created
      })
      return reply.status(201).send(item)
    }
  )

  app.patch(
    '/api/v1/me/passkeys/:id',
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'Rename one of my passkeys', security: bearer, params: idParams, body: passkeyRenameRequest, response: { 200: passkeyItem, ...errors } }
    },
    async (request) => {
      const actor = portalActorOf(request, clock)
      return withTransaction(db, async (trx) => {
        const renamed = await renamePasskey(trx, actor.userId, request.params.id, request.body.name)
        await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.rename', targetUserId: actor.userId, changes: { name: { from: renamed.before, to: renamed.item.name } } })
        return renamed.item
      })
    }
  )

  app.delete(
    '/api/v1/me/passkeys/:id',
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'Delete one of my passkeys', security: bearer, params: idParams, response: { 204: z.null().describe('Deleted'), ...errors } }
    },
    async (request, reply) => {
      const actor = portalActorOf(request, clock)
      await withTransaction(db, async (trx) => {
        const name = await deletePasskey(trx, actor.userId, request.params.id)
        await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.remove', targetUserId: actor.userId, changes: { passkey: { from: name, to: null } } })
      })
      return reply.status(204).send(null)
    }
  )
}
