import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { endpoints } from '../../../shared/endpoints'
import { refusal } from '../../domain/refusal'
import type { Clock } from '../../clock'
import type { ServerConfig } from '../../config'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { listOutbox } from '../../domain/mail/list'
import { listMailbox, mailRecipientOf, readMailboxMessage, readMailState } from '../../domain/mail/state'
import { findUserTarget } from '../../domain/users/target'
import { registerEndpoint } from '../endpoint-route'

export interface OutboxRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
  config: Pick<ServerConfig, 'smtpUrl' | 'mailbox'>
}

export const outboxRoutes: FastifyPluginAsyncZod<OutboxRouteDeps> = async (app, deps) => {
  const { db, config } = deps
  const deliveryOn = config.smtpUrl !== undefined
  const mailboxOn = config.mailbox === 'local'

  registerEndpoint(app, deps, endpoints.listOutbox, async (request) => ({ ...(await listOutbox(db, request.query)), deliveryEnabled: deliveryOn }))

  registerEndpoint(app, deps, endpoints.getMailStatus, async () => ({ delivery: deliveryOn ? ('smtp' as const) : ('off' as const), mailbox: mailboxOn }))

  registerEndpoint(app, deps, endpoints.getMailState, async (request, _reply, { authorizeOn }) => {
    const recipient = await mailRecipientOf(db, request.params.id)
    authorizeOn(recipient === null ? null : await findUserTarget(db, recipient))
    return readMailState(db, request.params.id, deliveryOn)
  })

  /** MAILBOX=local only: elsewhere the mailbox does not exist (404), whatever the caller's role. */
  async function requireMailbox(): Promise<void> {
    if (!mailboxOn) throw refusal('NOT_FOUND', 'mailboxOff', 'This portal has no local mailbox (MAILBOX=local is not set).')
  }

  registerEndpoint(app, deps, endpoints.listMailbox, async () => listMailbox(db, deliveryOn), { beforePermission: [requireMailbox] })

  registerEndpoint(app, deps, endpoints.getMailboxMessage, async (request) => readMailboxMessage(db, request.params.id, deliveryOn), {
    beforePermission: [requireMailbox]
  })
}
