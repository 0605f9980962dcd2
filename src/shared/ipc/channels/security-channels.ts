import { z } from 'zod'
import { reauthRequest, reauthResponse } from '../../auth'
import {
  portalAccessActions,
  portalAccessResponse,
  requireResetResponse,
  resetLinkStatusResponse,
  revokeResetLinkResponse,
  sendResetLinkResponse,
  setPasswordRequest,
  setPasswordResponse
} from '../../passwords'
import {
  apiKeyList,
  deleteResult,
  lockState,
  passkeyList,
  revokeResult,
  securityRecordId,
  sessionId,
  sessionList,
  twoFactorDisableResult,
  twoFactorInviteResult
} from '../../security'
import { userId } from '../../users'
import { auditContext } from '../audit-context'

const onUser = z.object({ id: userId })
const actionOnUser = z.object({ id: userId, audit: auditContext })

/** The Security tab's channels: one per action of the portal API, each carrying the audit context. */
export const securityChannels = {
  /** The operator's own password, when the server answers REAUTH_REQUIRED; valid 10 minutes. */
  'auth:reauth': { input: reauthRequest, output: reauthResponse },
  'security:set-password': { input: actionOnUser.extend(setPasswordRequest.shape), output: setPasswordResponse },
  'security:reset-link': { input: onUser, output: resetLinkStatusResponse },
  'security:send-reset-link': { input: actionOnUser, output: sendResetLinkResponse },
  'security:revoke-reset-link': { input: actionOnUser, output: revokeResetLinkResponse },
  'security:require-reset': { input: actionOnUser, output: requireResetResponse },
  'security:invite-2fa': { input: actionOnUser, output: twoFactorInviteResult },
  'security:disable-2fa': { input: actionOnUser, output: twoFactorDisableResult },
  'security:passkeys': { input: onUser, output: passkeyList },
  'security:revoke-passkey': { input: actionOnUser.extend({ passkeyId: securityRecordId }), output: deleteResult },
  'security:sessions': { input: onUser, output: sessionList },
  'security:revoke-sessions': { input: actionOnUser, output: revokeResult },
  'security:revoke-session': { input: actionOnUser.extend({ sessionId }), output: revokeResult },
  'security:api-keys': { input: onUser, output: apiKeyList },
  'security:revoke-api-key': { input: actionOnUser.extend({ keyId: securityRecordId }), output: revokeResult },
  'security:unlock': { input: actionOnUser, output: lockState },
  'security:portal-access': { input: actionOnUser.extend({ action: z.enum(portalAccessActions) }), output: portalAccessResponse }
} as const
