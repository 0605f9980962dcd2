import { endpoints } from '../../../shared/endpoints'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type AuditHandlers = Pick<HandlerTable, 'audit:integrity'>

/** The audit log's channels, each one route of the portal API. */
export function auditHandlers(session: SessionService): AuditHandlers {
  const forward = forwarder(session)
  return {
    'audit:integrity': forward(endpoints.auditIntegrityCheck, () => ({}))
  }
}
