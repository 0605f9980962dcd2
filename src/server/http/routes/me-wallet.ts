import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { addPaymentMethodRequest, apiKeyItem, createApiKeyRequest, createdApiKey, idParams, paymentMethodItem, portalPaths } from '../../../shared/portal'
import { withTransaction } from '../../db/transaction'
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/keys'
import { recordAudit } from '../../domain/audit/record'
import { addPaymentMethod, deletePaymentMethod, listPaymentMethods } from '../../domain/payment-methods/manage'
import { confirmOwnPassword, ownAuditContext } from '../../domain/account/confirm-password'
import { bearer, portalActorOf, type MeRouteDeps } from './me-context'

const errors = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody, 429: apiErrorBody }
const dayMs = 86_400_000

/** /api/v1/me/payment-methods and /api/v1/me/api-keys. */
export const meWalletRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, { db, clock, requirePortalUser }) => {
  app.get(
    portalPaths.paymentMethods,
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'My payment methods, shown as •••• 1234 with brand and expiry', security: bearer, response: { 200: z.object({ items: z.array(paymentMethodItem) }), 401: apiErrorBody, 403: apiErrorBody } }
    },
    async (request) => ({ items: await listPaymentMethods(db, portalActorOf(request, clock).userId) })
  )

  app.post(
    portalPaths.paymentMethods,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Add a card through the built-in demo provider (Luhn and expiry checked; only brand, last 4, expiry and holder are stored)',
        security: bearer,
        body: addPaymentMethodRequest,
        response: { 201: paymentMethodItem, ...errors }
      }
    },
    async (request, reply) => {
      const actor = portalActorOf(request, clock)
      const item = await withTransaction(db, async (trx) => {
        const added = await addPaymentMethod(trx, actor.userId, request.body, actor.now)
        await recordAudit(trx, ownAuditContext(actor), { action: 'paymentMethod.add', targetUserId: actor.userId, changes: { paymentMethod: { from: null, to: `${added.brand} ${added.display}` } } })
        return added
      })
      return reply.status(201).send(item)
    }
  )

  app.delete(
    '/api/v1/me/payment-methods/:id',
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'Delete one of my payment methods (there is no edit: re-enter instead)', security: bearer, params: idParams, response: { 204: z.null().describe('Deleted'), ...errors } }
    },
    async (request, reply) => {
      const actor = portalActorOf(request, clock)
      await withTransaction(db, async (trx) => {
        const removed = await deletePaymentMethod(trx, actor.userId, request.params.id)
        await recordAudit(trx, ownAuditContext(actor), { action: 'paymentMethod.delete', targetUserId: actor.userId, changes: { paymentMethod: { from: `${removed.brand} ${removed.display}`, to: null } } })
      })
      return reply.status(204).send(null)
    }
  )

  app.get(
    portalPaths.apiKeys,
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'My API keys (prefix, description, scope, dates; never the key)', security: bearer, response: { 200: z.object({ items: z.array(apiKeyItem) }), 401: apiErrorBody, 403: apiErrorBody } }
    },
    async (request) => ({ items: await listApiKeys(db, portalActorOf(request, clock).userId) })
  )

  app.post(
    portalPaths.apiKeys,
    {
      onRequest: requirePortalUser,
      schema: {
        tags: ['me'],
        summary: 'Create my API key for my website (password required); the key is shown once. At most one per user and website',
        security: bearer,
        body: createApiKeyRequest,
        response: { 201: createdApiKey, ...errors }
      }
    },
    async (request, reply) => {
      const actor = portalActorOf(request, clock)
      await confirmOwnPassword(db, actor, request.body.password)
      const user = await db.selectFrom('users').select('website_id').where('id', '=', actor.userId).executeTakeFirstOrThrow()
      const created = await withTransaction(db, async (trx) => {
        const result = await createApiKey(trx, {
          userId: actor.userId,
          websiteId: user.website_id,
          description: request.body.description,
          scope: request.body.scope,
          expiresAt: request.body.expiresInDays === undefined ? null : new Date(actor.now.getTime() + request.body.expiresInDays * dayMs),
          now: actor.now
        })
        // "key" fields are redacted by the audit log: name the parts by what they are.
        await recordAudit(trx, ownAuditContext(actor), {
          action: 'apiKey.create',
          targetUserId: actor.userId,
          changes: { prefix: { from: null, to: result.item.prefix }, description: { from: null, to: result.item.description }, scope: { from: null, to: result.item.scope } }
        })
        return result
      })
      return reply.status(201).send({ key: created.key, apiKey: created.item })
    }
  )

  app.delete(
    '/api/v1/me/api-keys/:id',
    {
      onRequest: requirePortalUser,
      schema: { tags: ['me'], summary: 'Revoke my API key', security: bearer, params: idParams, response: { 200: apiKeyItem, ...errors } }
    },
    async (request) => {
      const actor = portalActorOf(request, clock)
      return withTransaction(db, async (trx) => {
        const revoked = await revokeApiKey(trx, actor.userId, request.params.id, actor.now)
        await recordAudit(trx, ownAuditContext(actor), { action: 'apiKey.revoke', targetUserId: actor.userId, changes: { revokedAt: { from: null, to: revoked.revokedAt }, prefix: { from: revoked.prefix, to: revoked.prefix } } })
        return revoked
      })
    }
  )
}
