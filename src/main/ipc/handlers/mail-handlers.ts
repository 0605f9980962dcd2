import { mailboxList, mailboxMessage, mailPaths, mailStateResponse, mailStatus } from '../../../shared/mail'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type MailHandlers = Pick<HandlerTable, 'mail:status' | 'mail:state' | 'mail:mailbox' | 'mail:message'>

/** The mail channels, each one route of the portal API. */
export function mailHandlers(session: SessionService): MailHandlers {
  return {
    'mail:status': () => session.call((client, token) => client.request(mailStatus, { method: 'GET', url: mailPaths.status }, token)),
    'mail:state': ({ id }) => session.call((client, token) => client.request(mailStateResponse, { method: 'GET', url: mailPaths.state(id) }, token)),
    'mail:mailbox': () => session.call((client, token) => client.request(mailboxList, { method: 'GET', url: mailPaths.mailbox }, token)),
    'mail:message': ({ id }) => session.call((client, token) => client.request(mailboxMessage, { method: 'GET', url: mailPaths.mailboxMessage(id) }, token))
  }
}
