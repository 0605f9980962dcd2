import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { apiErrorBody } from '../../../shared/api'
import { refusal } from '../../domain/refusal'
import { mailboxList, mailboxMessage, mailId, mailPaths, mailStateResponse, mailStatus } from '../../../shared/mail'
import { outboxListQuery, outboxPage } from '../../../shared/outbox'
import type { ServerConfig } from '../../config'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { listOutbox } from '../../domain/mail/list'
import { listMailbox, mailRecipientOf, readMailboxMessage, readMailState } from '../../domain/mail/state'
import { findUserTarget } from '../../domain/users/target'
import { operatorGuard } from '../operator-guard'
import { authorize, requirePermission } from '../request-context'

export interface OutboxRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  config: Pick<ServerConfig, 'smtpUrl' | 'mailbox'>
}

const bearer = [{ bearerAuth: [] }]
const idParams = z.object({ id: mailId })
const refusals = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 503: apiErrorBody }

export const outboxRoutes: FastifyPluginAsyncZod<OutboxRouteDeps> = async (app, { db, auth, config }) => {
  const deliveryOn = config.smtpUrl !== undefined
  const mailboxOn = config.mailbox === 'local'
  const requireOperator = operatorGuard(auth)

  app.get(
    '/api/v1/outbox',
    {
      onRequest: [requireOperator, requirePermission('outbox.read')],
      schema: {
        tags: ['mail'],
        summary: 'Every email the portal queued, newest first, with its delivery state (administrators only)',
        description: 'Bodies are never listed: a reset or invitation link in them may still be live.',
        security: bearer,
        querystring: outboxListQuery,
        response: { 200: outboxPage, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 503: apiErrorBody }
      }
    },
    async (request) => ({ ...(await listOutbox(db, request.query)), deliveryEnabled: deliveryOn })
  )

  app.get(
    mailPaths.status,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['mail'],
        summary: 'Whether this portal delivers mail (SMTP_URL) and exposes a local mailbox (MAILBOX=local)',
        security: bearer,
        response: { 200: mailStatus, 401: apiErrorBody, 503: apiErrorBody }
      }
    },
    async () => ({ delivery: deliveryOn ? ('smtp' as const) : ('off' as const), mailbox: mailboxOn })
  )

  app.get(
    mailPaths.state(':id'),
    {
      onRequest: requireOperator,
      schema: {
        tags: ['mail'],
        summary: 'The delivery state of one email (queued, sent, failed, blocked, off), never its body',
        description:
          "Whoever may read the recipient's activity (audit.read on that user: administrators, and support agents for portal users) may follow the email an action queued; an email to no user needs outbox.read.",
        security: bearer,
        params: idParams,
        response: { 200: mailStateResponse, ...refusals }
      }
    },
    async (request) => {
      const recipient = await mailRecipientOf(db, request.params.id)
      if (recipient === null) authorize(request, 'outbox.read')
      else authorize(request, 'audit.read', await findUserTarget(db, recipient))
      return readMailState(db, request.params.id, deliveryOn)
    }
  )

  /** MAILBOX=local only: elsewhere the mailbox does not exist (404), whatever the caller's role. */
  async function requireMailbox(): Promise<void> {
    if (!mailboxOn) throw refusal('NOT_FOUND', 'mailboxOff', 'This portal has no local mailbox (MAILBOX=local is not set).')
  }

  app.get(
    mailPaths.mailbox,
    {
      onRequest: [requireOperator, requireMailbox, requirePermission('outbox.read')],
      schema: {
        tags: ['mail'],
        summary: 'The local mailbox: the newest emails (MAILBOX=local only; 404 otherwise; administrators)',
        security: bearer,
        response: { 200: mailboxList, ...refusals }
      }
    },
    async () => listMailbox(db, deliveryOn)
  )

  app.get(
    mailPaths.mailboxMessage(':id'),
    {
      onRequest: [requireOperator, requireMailbox, requirePermission('outbox.read')],
      schema: {
        tags: ['mail'],
        summary: 'One email of the local mailbox in full, links and codes included (MAILBOX=local only; 404 otherwise)',
        security: bearer,
        params: idParams,
        response: { 200: mailboxMessage, ...refusals }
      }
    },
    async (request) => readMailboxMessage(db, request.params.id, deliveryOn)
  )
}
