import { sql, type Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { health } from '../../../shared/auth'
import type { DatabaseKind } from '../../db/connect'
import type { Database } from '../../db/schema'
import { serverVersion } from '../../version'
import { errorResponse } from '../errors'

export interface HealthRouteDeps {
  db: Kysely<Database>
  databaseKind: DatabaseKind
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRouteDeps> = async (app, { db, databaseKind }) => {
  app.get(
    apiPaths.health,
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer',
        response: { 200: health, 503: apiErrorBody }
      }
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(db)
      } catch (error) {
        request.log.error({ err: error }, 'health check: the database does not answer')
        return reply.status(503).send(errorResponse(503, 'UNAVAILABLE', 'The database does not answer.').body)
      }
      return { status: 'ok' as const, database: databaseKind, version: serverVersion }
    }
  )
}
