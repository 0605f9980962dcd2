import type { Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { auditIntegrity, auditListQuery, auditPage } from '../../../shared/audit'
import { DeskError } from '../../../shared/errors'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { createAuditIntegrityMonitor } from '../../domain/audit/integrity-monitor'
import { listAudit } from '../../domain/audit/list'
import { can } from '../../domain/permissions'
import { operatorGuard } from '../operator-guard'
import { authorize } from '../request-context'

export interface AuditRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
}

const bearer = [{ bearerAuth: [] }]

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteDeps> = async (app, { db, auth, clock }) => {
  const integrity = createAuditIntegrityMonitor(db, clock)

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

  app.get(
    apiPaths.auditIntegrity,
    {
      onRequest: operatorGuard(auth),
      schema: {
        tags: ['audit'],
        summary: "Whether the audit log's hash chain is intact, or its first broken row",
        description:
          'Walks the whole chain; the answer is reused for a minute (see checkedAt). Every operator who reads audit entries may ask: ' +
          'a broken chain makes every entry doubtful. Rows cut from the end cannot be seen by the chain alone: compare `head` with one recorded earlier.',
        security: bearer,
        response: { 200: auditIntegrity, 401: apiErrorBody, 403: apiErrorBody }
      }
    },
    async (request) => {
      authorize(request, 'audit.read', { kind: 'portal', id: 0 })
      return integrity.current()
    }
  )
}
