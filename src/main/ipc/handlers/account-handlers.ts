import { endpoints } from '../../../shared/endpoints'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type AccountHandlers = Pick<HandlerTable, Extract<ChannelName, `account:${string}`>>

/** "My account": each channel is one route of the operator's own account, on the operator's own token. */
export function accountHandlers(session: SessionService): AccountHandlers {
  const forward = forwarder(session)
  /** A change to what the server holds the operator to (a temporary password, 2FA): the operator is read again. */
  const thenRefresh =
    <I, O>(handler: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      const result = await handler(input)
      await session.refreshOperator()
      return result
    }
  return {
    'account:get': forward(endpoints.getOwnAccount, () => ({})),
    'account:change-password': thenRefresh(forward(endpoints.changeOwnPassword, (body) => ({ body }))),
    'account:begin-2fa': forward(endpoints.beginOwnTwoFactor, (body) => ({ body })),
    'account:confirm-2fa': thenRefresh(forward(endpoints.confirmOwnTwoFactor, (body) => ({ body }))),
    'account:disable-2fa': thenRefresh(forward(endpoints.disableOwnTwoFactor, (body) => ({ body }))),
    'account:sessions': forward(endpoints.listOwnSessions, () => ({})),
    'account:revoke-session': forward(endpoints.revokeOwnSession, ({ sessionId }) => ({ params: { id: sessionId } })),
    'account:revoke-other-sessions': forward(endpoints.revokeOtherOwnSessions, () => ({}))
  }
}
