import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { withTransaction } from '../../db/transaction'
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/keys'
import { recordAudit } from '../../domain/audit/record'
import { addPaymentMethod, deletePaymentMethod, listPaymentMethods } from '../../domain/payment-methods/manage'
import { confirmOwnPassword, ownAuditContext } from '../../domain/account/confirm-password'
import { registerEndpoint } from '../endpoint-route'
import { portalActorOf, type MeRouteDeps } from './me-context'

const dayMs = 86_400_000

/** A portal user's payment methods and API keys. */
export const meWalletRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  registerEndpoint(app, deps, endpoints.listMyPaymentMethods, async (request) => ({ items: await listPaymentMethods(db, portalActorOf(request, clock).userId) }))

  registerEndpoint(app, deps, endpoints.addMyPaymentMethod, async (request, reply) => {
    const actor = portalActorOf(request, clock)
    const item = await withTransaction(db, async (trx) => {
      const added = await addPaymentMethod(trx, actor.userId, request.body, actor.now)
      await recordAudit(trx, ownAuditContext(actor), { action: 'paymentMethod.add', targetUserId: actor.userId, changes: { paymentMethod: { from: null, to: `${added.brand} ${added.display}` } } })
      return added
    })
    return reply.status(201).send(item)
  })

  registerEndpoint(app, deps, endpoints.deleteMyPaymentMethod, async (request, reply) => {
    const actor = portalActorOf(request, clock)
    await withTransaction(db, async (trx) => {
      const removed = await deletePaymentMethod(trx, actor.userId, request.params.id)
      await recordAudit(trx, ownAuditContext(actor), { action: 'paymentMethod.delete', targetUserId: actor.userId, changes: { paymentMethod: { from: `${removed.brand} ${removed.display}`, to: null } } })
    })
    return reply.status(204).send(null)
  })

  registerEndpoint(app, deps, endpoints.listMyApiKeys, async (request) => ({ items: await listApiKeys(db, portalActorOf(request, clock).userId) }))

  registerEndpoint(app, deps, endpoints.createMyApiKey, async (request, reply) => {
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
  })

  registerEndpoint(app, deps, endpoints.revokeMyApiKey, async (request) => {
    const actor = portalActorOf(request, clock)
    return withTransaction(db, async (trx) => {
      const revoked = await revokeApiKey(trx, actor.userId, request.params.id, actor.now)
      await recordAudit(trx, ownAuditContext(actor), { action: 'apiKey.revoke', targetUserId: actor.userId, changes: { revokedAt: { from: null, to: revoked.revokedAt }, prefix: { from: revoked.prefix, to: revoked.prefix } } })
      return revoked
    })
  })
}
