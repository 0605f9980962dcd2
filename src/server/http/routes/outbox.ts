import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { apiErrorBody } from '../../../shared/api'
import { outboxListQuery, outboxPage } from '../../../shared/outbox'
import type { ServerConfig } from '../../config'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { listOutbox } from '../../domain/mail/list'
import { operatorGuard } from '../operator-guard'
import { requirePermission } from '../request-context'

export interface OutboxRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  config: Pick<ServerConfig, 'smtpUrl'>
}

export const outboxRoutes: FastifyPluginAsyncZod<OutboxRouteDeps> = async (app, { db, auth, config }) => {
  app.get(
    '/api/v1/outbox',
    {
      onRequest: [operatorGuard(auth), requirePermission('outbox.read')],
      schema: {
        tags: ['mail'],
        summary: 'Every email the portal queued, newest first, with its delivery state (administrators only)',
        description: 'Bodies are never listed: a reset or invitation link in them may still be live.',
        security: [{ bearerAuth: [] }],
        querystring: outboxListQuery,
        response: { 200: outboxPage, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 503: apiErrorBody }
      }
    },
    async (request) => ({ ...(await listOutbox(db, request.query)), deliveryEnabled: config.smtpUrl !== undefined })
  )
}
