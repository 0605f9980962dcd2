import { apiPaths } from '../../../shared/api'
import { auditIntegrity } from '../../../shared/audit'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type AuditHandlers = Pick<HandlerTable, 'audit:integrity'>

/** The audit log's channels, each one route of the portal API. */
export function auditHandlers(session: SessionService): AuditHandlers {
  return {
    'audit:integrity': () => session.call((client, token) => client.request(auditIntegrity, { method: 'GET', url: apiPaths.auditIntegrity }, token))
  }
}
