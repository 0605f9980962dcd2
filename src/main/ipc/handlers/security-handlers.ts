import { apiPaths } from '../../../shared/api'
import { reauthResponse } from '../../../shared/auth'
import {
  portalAccessResponse,
  requireResetResponse,
  resetLinkStatusResponse,
  revokeResetLinkResponse,
  sendResetLinkResponse,
  setPasswordResponse
} from '../../../shared/passwords'
import {
  apiKeyList,
  deleteResult,
  lockState,
  passkeyList,
  revokeResult,
  securityPaths,
  sessionList,
  twoFactorDisableResult,
  twoFactorInviteResult
} from '../../../shared/security'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

type SecurityHandlers = Pick<HandlerTable, Extract<ChannelName, `security:${string}` | 'auth:reauth'>>

const userPath = (id: number, rest: string) => `${apiPaths.user(id)}/${rest}`

/** The Security tab's channels: each is one route of the portal API, with the audit headers. */
export function securityHandlers(session: SessionService): SecurityHandlers {
  return {
    'auth:reauth': (body) => session.call((client, token) => client.request(reauthResponse, { method: 'POST', url: apiPaths.reauth, data: body }, token)),
    'security:set-password': ({ id, audit, ...body }) =>
      session.call((client, token) => client.request(setPasswordResponse, { method: 'POST', url: userPath(id, 'password'), data: body }, token, audit)),
    'security:reset-link': ({ id }) =>
      session.call((client, token) => client.request(resetLinkStatusResponse, { method: 'GET', url: userPath(id, 'reset-link') }, token)),
    'security:send-reset-link': ({ id, audit }) =>
      session.call((client, token) => client.request(sendResetLinkResponse, { method: 'POST', url: userPath(id, 'reset-link'), data: {} }, token, audit)),
    'security:revoke-reset-link': ({ id, audit }) =>
      session.call((client, token) =>
        client.request(revokeResetLinkResponse, { method: 'DELETE', url: userPath(id, 'reset-link'), data: {} }, token, audit)
      ),
    'security:require-reset': ({ id, audit }) =>
      session.call((client, token) => client.request(requireResetResponse, { method: 'POST', url: userPath(id, 'require-reset'), data: {} }, token, audit)),
    'security:invite-2fa': ({ id, audit }) =>
      session.call((client, token) =>
        client.request(twoFactorInviteResult, { method: 'POST', url: securityPaths.twoFactorInvite(id), data: {} }, token, audit)
      ),
    'security:disable-2fa': ({ id, audit }) =>
      session.call((client, token) => client.request(twoFactorDisableResult, { method: 'DELETE', url: securityPaths.twoFactor(id), data: {} }, token, audit)),
    'security:passkeys': ({ id }) => session.call((client, token) => client.request(passkeyList, { method: 'GET', url: securityPaths.passkeys(id) }, token)),
    'security:revoke-passkey': ({ id, passkeyId, audit }) =>
      session.call((client, token) =>
        client.request(deleteResult, { method: 'DELETE', url: securityPaths.passkey(id, passkeyId), data: {} }, token, audit)
      ),
    'security:sessions': ({ id }) => session.call((client, token) => client.request(sessionList, { method: 'GET', url: securityPaths.sessions(id) }, token)),
    'security:revoke-sessions': ({ id, audit }) =>
      session.call((client, token) => client.request(revokeResult, { method: 'DELETE', url: securityPaths.sessions(id), data: {} }, token, audit)),
    'security:revoke-session': ({ id, sessionId, audit }) =>
      session.call((client, token) =>
        client.request(revokeResult, { method: 'DELETE', url: securityPaths.session(id, sessionId), data: {} }, token, audit)
      ),
    'security:api-keys': ({ id }) => session.call((client, token) => client.request(apiKeyList, { method: 'GET', url: securityPaths.apiKeys(id) }, token)),
    'security:revoke-api-key': ({ id, keyId, audit }) =>
      session.call((client, token) => client.request(revokeResult, { method: 'DELETE', url: securityPaths.apiKey(id, keyId), data: {} }, token, audit)),
    'security:unlock': ({ id, audit }) =>
      session.call((client, token) => client.request(lockState, { method: 'POST', url: securityPaths.unlock(id), data: {} }, token, audit)),
    'security:portal-access': ({ id, action, audit }) =>
      session.call((client, token) =>
        client.request(portalAccessResponse, { method: 'POST', url: userPath(id, 'portal-access'), data: { action } }, token, audit)
      )
  }
}
