import type { Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { DeskError } from '../../../shared/errors'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { createAuditIntegrityMonitor } from '../../domain/audit/integrity-monitor'
import { listAudit } from '../../domain/audit/list'
import { can } from '../../domain/permissions'
import { registerEndpoint } from '../endpoint-route'

export interface AuditRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
}

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteDeps> = async (app, deps) => {
  const { db, clock } = deps
  const integrity = createAuditIntegrityMonitor(db, clock)

  registerEndpoint(app, deps, endpoints.listAudit, async (request, _reply, { context }) => {
    const query = request.query
    // Anyone who may read the audit of some users passes; whether internal users are included is the role's.
    const everything = can(context.operator.role, endpoints.listAudit.permission, 'internal')
    if (!everything && query.userId !== undefined) {
      const target = await db.selectFrom('users').select('kind').where('id', '=', query.userId).executeTakeFirst()
      if (target && target.kind !== 'portal') throw new DeskError('FORBIDDEN')
    }
    return listAudit(db, query, { portalTargetsOnly: !everything })
  })

  registerEndpoint(app, deps, endpoints.auditIntegrityCheck, async () => integrity.current())
}
