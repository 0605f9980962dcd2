import { sql, type Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import type { DatabaseKind } from '../../db/connect'
import type { Database } from '../../db/schema'
import { serverVersion } from '../../version'
import { registerEndpoint } from '../endpoint-route'
import { errorResponse } from '../errors'

export interface HealthRouteDeps {
  db: Kysely<Database>
  databaseKind: DatabaseKind
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRouteDeps> = async (app, { db, databaseKind }) => {
  registerEndpoint(app, { db }, endpoints.health, async (request, reply) => {
    try {
      await sql`select 1`.execute(db)
    } catch (error) {
      request.log.error({ err: error }, 'health check: the database does not answer')
      return reply.status(503).send(errorResponse(503, 'UNAVAILABLE', 'The database does not answer.').body)
    }
    return { status: 'ok' as const, database: databaseKind, version: serverVersion }
  })
}
