import type { Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { auditListQuery, auditPage } from '../../../shared/audit'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { listAudit } from '../../domain/audit/list'
import { can } from '../../domain/permissions'
import { operatorGuard } from '../operator-guard'
import { authorize } from '../request-context'

export interface AuditRouteDeps {
  db: Kysely<Database>
  auth: AuthService
}

const bearer = [{ bearerAuth: [] }]

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteDeps> = async (app, { db, auth }) => {
  app.get(
    apiPaths.audit,
    {
      onRequest: operatorGuard(auth),
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first: filter by user, actor, action and time; keyset pages',
        description: 'Support agents see the entries about portal users only (403 when asking for an internal user).',
        security: bearer,
        querystring: auditListQuery,
        response: { 200: auditPage, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody }
      }
    },
    async (request) => {
      const query = request.query
      // Anyone who may read the audit of some users passes; whether internal users are included is the role's.
      const { operator } = authorize(request, 'audit.read', { kind: 'portal', id: 0 })
      const everything = can(operator.role, 'audit.read', 'internal')
      if (!everything && query.userId !== undefined) {
        const target = await db.selectFrom('users').select('kind').where('id', '=', query.userId).executeTakeFirst()
        if (target && target.kind !== 'portal') throw new DeskError('FORBIDDEN')
      }
      return listAudit(db, query, { portalTargetsOnly: !everything })
    }
  )
}
