import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../../domain/audit/record'
import { beginPasskeyRegistration, finishPasskeyRegistration, type PasskeyOwner } from '../../domain/passkeys/registration'
import { deletePasskey, listPasskeys, renamePasskey } from '../../domain/passkeys/manage'
import { confirmOwnPassword, ownAuditContext } from '../../domain/account/confirm-password'
import type { AccountActor } from '../../domain/account/account-actor'
import { beginOwnTwoFactor, confirmOwnTwoFactor, disableOwnTwoFactor } from '../../domain/account/own-two-factor'
import { registerEndpoint } from '../endpoint-route'
import { portalActorOf, type MeRouteDeps } from './me-context'

/** Two-factor authentication and passkeys: the second factors a portal user manages themselves. */
export const meSecurityRoutes: FastifyPluginAsyncZod<MeRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  const accountOf = async (actor: AccountActor) =>
    db
      .selectFrom('users as u')
      .leftJoin('websites as w', 'w.id', 'u.website_id')
      .select(['u.id', 'u.login', 'u.name', 'u.website_id', 'w.name as website_name'])
      .where('u.id', '=', actor.userId)
      .executeTakeFirstOrThrow()

  registerEndpoint(app, deps, endpoints.beginMyTwoFactor, async (request) => {
    const actor = portalActorOf(request, clock)
    const account = await accountOf(actor)
    return beginOwnTwoFactor(db, actor, request.body.password, account.website_name ?? 'PortalDesk')
  })

  registerEndpoint(app, deps, endpoints.verifyMyTwoFactor, async (request) => {
    await confirmOwnTwoFactor(db, portalActorOf(request, clock), request.body.code)
    return { enabled: true }
  })

  registerEndpoint(app, deps, endpoints.disableMyTwoFactor, async (request) => {
    await disableOwnTwoFactor(db, portalActorOf(request, clock), request.body.password)
    return { enabled: false }
  })

  registerEndpoint(app, deps, endpoints.listMyPasskeys, async (request) => ({ items: await listPasskeys(db, portalActorOf(request, clock).userId) }))

  const ownerOf = async (actor: AccountActor): Promise<PasskeyOwner> => {
    const account = await accountOf(actor)
    return { id: account.id, login: account.login, name: account.name, websiteId: account.website_id, sessionId: actor.sessionId }
  }

  registerEndpoint(app, deps, endpoints.myPasskeyOptions, async (request) => {
    const actor = portalActorOf(request, clock)
    await confirmOwnPassword(db, actor, request.body.password)
    return { options: await beginPasskeyRegistration(db, await ownerOf(actor), actor.now) }
  })

  registerEndpoint(app, deps, endpoints.addMyPasskey, async (request, reply) => {
    const actor = portalActorOf(request, clock)
    const owner = await ownerOf(actor)
    const item = await withTransaction(db, async (trx) => {
      const created = await finishPasskeyRegistration(trx, owner, { name: request.body.name, response: request.body.response }, actor.now)
      await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.add', targetUserId: actor.userId, changes: { passkey: { from: null, to: created.name } } })
      return created
    })
    return reply.status(201).send(item)
  })

  registerEndpoint(app, deps, endpoints.renameMyPasskey, async (request) => {
    const actor = portalActorOf(request, clock)
    return withTransaction(db, async (trx) => {
      const renamed = await renamePasskey(trx, actor.userId, request.params.id, request.body.name)
      await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.rename', targetUserId: actor.userId, changes: { name: { from: renamed.before, to: renamed.item.name } } })
      return renamed.item
    })
  })

  registerEndpoint(app, deps, endpoints.deleteMyPasskey, async (request, reply) => {
    const actor = portalActorOf(request, clock)
    await withTransaction(db, async (trx) => {
      const name = await deletePasskey(trx, actor.userId, request.params.id)
      await recordAudit(trx, ownAuditContext(actor), { action: 'passkey.remove', targetUserId: actor.userId, changes: { passkey: { from: name, to: null } } })
    })
    return reply.status(204).send(null)
  })
}
