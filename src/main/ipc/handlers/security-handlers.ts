import { endpoints } from '../../../shared/endpoints'
import type { ChannelName } from '../../../shared/ipc/channels'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type SecurityHandlers = Pick<HandlerTable, Extract<ChannelName, `security:${string}` | 'auth:reauth'>>

/** The Security tab's channels: each is one route of the portal API, with the audit headers. */
export function securityHandlers(session: SessionService): SecurityHandlers {
  const forward = forwarder(session)
  return {
    'auth:reauth': forward(endpoints.reauthenticate, (body) => ({ body })),
    'security:set-password': forward(endpoints.setUserPassword, ({ id, audit, ...body }) => ({ params: { id }, body, audit })),
    'security:reset-link': forward(endpoints.resetLinkStatus, ({ id }) => ({ params: { id } })),
    'security:send-reset-link': forward(endpoints.sendResetLink, ({ id, audit }) => ({ params: { id }, audit })),
    'security:revoke-reset-link': forward(endpoints.revokeResetLinks, ({ id, audit }) => ({ params: { id }, audit })),
    'security:require-reset': forward(endpoints.requireReset, ({ id, audit }) => ({ params: { id }, audit })),
    'security:invite-2fa': forward(endpoints.inviteToTwoFactor, ({ id, audit }) => ({ params: { id }, audit })),
    'security:disable-2fa': forward(endpoints.disableTwoFactor, ({ id, audit }) => ({ params: { id }, audit })),
    'security:passkeys': forward(endpoints.listUserPasskeys, ({ id }) => ({ params: { id } })),
    'security:revoke-passkey': forward(endpoints.revokeUserPasskey, ({ id, passkeyId, audit }) => ({ params: { id, pid: passkeyId }, audit })),
    'security:sessions': forward(endpoints.listUserSessions, ({ id }) => ({ params: { id } })),
    'security:revoke-sessions': forward(endpoints.revokeUserSessions, ({ id, audit }) => ({ params: { id }, audit })),
    'security:revoke-session': forward(endpoints.revokeUserSession, ({ id, sessionId, audit }) => ({ params: { id, sid: sessionId }, audit })),
    'security:api-keys': forward(endpoints.listUserApiKeys, ({ id }) => ({ params: { id } })),
    'security:revoke-api-key': forward(endpoints.revokeUserApiKey, ({ id, keyId, audit }) => ({ params: { id, kid: keyId }, audit })),
    'security:unlock': forward(endpoints.unlockUser, ({ id, audit }) => ({ params: { id }, audit })),
    'security:portal-access': forward(endpoints.managePortalAccess, ({ id, action, audit }) => ({ params: { id }, body: { action }, audit }))
  }
}
