import { endpoints } from '../../../shared/endpoints'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type HelpdeskHandlers = Pick<HandlerTable, 'helpdesk:find-people' | 'helpdesk:send-code' | 'helpdesk:check-code' | 'helpdesk:knowledge-check' | 'helpdesk:remind-username'>

/** The Helpdesk view's channels, each one route of the portal API. */
export function helpdeskHandlers(session: SessionService): HelpdeskHandlers {
  const forward = forwarder(session)
  return {
    'helpdesk:find-people': forward(endpoints.searchPeople, (query) => ({ query })),
    'helpdesk:send-code': forward(endpoints.sendVerificationCode, ({ id, audit }) => ({ params: { id }, audit })),
    'helpdesk:check-code': forward(endpoints.checkVerificationCode, ({ id, audit, code }) => ({ params: { id }, body: { code }, audit })),
    'helpdesk:knowledge-check': forward(endpoints.checkKnowledge, ({ id, audit, facts }) => ({ params: { id }, body: { facts }, audit })),
    'helpdesk:remind-username': forward(endpoints.remindUsername, ({ id, audit }) => ({ params: { id }, audit }))
  }
}
