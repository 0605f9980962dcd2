import { endpoints } from '../../../shared/endpoints'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type MailHandlers = Pick<HandlerTable, 'mail:status' | 'mail:state' | 'mail:mailbox' | 'mail:message'>

/** The mail channels, each one route of the portal API. */
export function mailHandlers(session: SessionService): MailHandlers {
  const forward = forwarder(session)
  return {
    'mail:status': forward(endpoints.getMailStatus, () => ({})),
    'mail:state': forward(endpoints.getMailState, ({ id }) => ({ params: { id } })),
    'mail:mailbox': forward(endpoints.listMailbox, () => ({})),
    'mail:message': forward(endpoints.getMailboxMessage, ({ id }) => ({ params: { id } }))
  }
}
