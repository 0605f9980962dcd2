import { operatorAccount, operatorAccountPaths, ownTwoFactorSetup, changeOwnPasswordResult } from '../../../shared/operator-account'
import { revokeResult, sessionList } from '../../../shared/security'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type AccountHandlers = Pick<HandlerTable, Extract<ChannelName, `account:${string}`>>

/** "My account": each channel is one route of /api/v1/auth/account, on the operator's own token. */
export function accountHandlers(session: SessionService): AccountHandlers {
  return {
    'account:get': () => session.call((client, token) => client.request(operatorAccount, { method: 'GET', url: operatorAccountPaths.account }, token)),
    'account:change-password': async (body) => {
      const result = await session.call((client, token) => client.request(changeOwnPasswordResult, { method: 'POST', url: operatorAccountPaths.password, data: body }, token))
      // A new password lifts the restriction of a temporary one: the operator is read again.
      await session.refreshOperator()
      return result
    },
    'account:begin-2fa': (body) =>
      session.call((client, token) => client.request(ownTwoFactorSetup, { method: 'POST', url: operatorAccountPaths.twoFactorSetup, data: body }, token)),
    'account:confirm-2fa': async (body) => {
      const account = await session.call((client, token) => client.request(operatorAccount, { method: 'POST', url: operatorAccountPaths.twoFactorConfirm, data: body }, token))
      await session.refreshOperator()
      return account
    },
    'account:disable-2fa': async (body) => {
      const account = await session.call((client, token) => client.request(operatorAccount, { method: 'POST', url: operatorAccountPaths.twoFactorDisable, data: body }, token))
      await session.refreshOperator()
      return account
    },
    'account:sessions': () => session.call((client, token) => client.request(sessionList, { method: 'GET', url: operatorAccountPaths.sessions }, token)),
    'account:revoke-session': ({ sessionId }) =>
      session.call((client, token) => client.request(revokeResult, { method: 'DELETE', url: operatorAccountPaths.session(sessionId), data: {} }, token)),
    'account:revoke-other-sessions': () =>
      session.call((client, token) => client.request(revokeResult, { method: 'POST', url: operatorAccountPaths.otherSessions, data: {} }, token))
  }
}
