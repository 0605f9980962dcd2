import { codeSent, helpdeskPaths, personMatchList, remindUsernameResult, verification } from '../../../shared/helpdesk'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type HelpdeskHandlers = Pick<HandlerTable, 'helpdesk:find-people' | 'helpdesk:send-code' | 'helpdesk:check-code' | 'helpdesk:knowledge-check' | 'helpdesk:remind-username'>

/** The Helpdesk view's channels, each one route of the portal API. */
export function helpdeskHandlers(session: SessionService): HelpdeskHandlers {
  return {
    'helpdesk:find-people': (params) => session.call((client, token) => client.request(personMatchList, { method: 'GET', url: helpdeskPaths.people, params }, token)),
    'helpdesk:send-code': ({ id, audit }) =>
      session.call((client, token) => client.request(codeSent, { method: 'POST', url: helpdeskPaths.sendCode(id), data: {} }, token, audit)),
    'helpdesk:check-code': ({ id, audit, code }) =>
      session.call((client, token) => client.request(verification, { method: 'POST', url: helpdeskPaths.checkCode(id), data: { code } }, token, audit)),
    'helpdesk:knowledge-check': ({ id, audit, facts }) =>
      session.call((client, token) => client.request(verification, { method: 'POST', url: helpdeskPaths.knowledgeCheck(id), data: { facts } }, token, audit)),
    'helpdesk:remind-username': ({ id, audit }) =>
      session.call((client, token) => client.request(remindUsernameResult, { method: 'POST', url: helpdeskPaths.remindUsername(id), data: {} }, token, audit))
  }
}
