import { recipientMailLimitNote } from '../mail-limit'
import {
  apiKeyList,
  deleteResult,
  lockState,
  passkeyList,
  paymentMethodList,
  revokeResult,
  securityRecordId,
  sessionId,
  sessionList,
  signInList,
  twoFactorDisableResult,
  twoFactorInviteResult
} from '../security'
import { includeRevoked, noBody, noQuery, userParams } from './common'
import { defineEndpoint, readErrors, writeErrors } from './define'

/*
 * The operator's security actions on one user: 2FA invite and reset, passkeys, sessions, API keys,
 * unlock, sign-ins and payment methods. Each finds the user (404), then checks its permission on
 * that user (role, X-Ticket-Ref for support, re-authentication).
 */
const tags = ['security']
const onUser = { auth: 'operator', permissionTarget: 'pathUser', tags } as const

export const inviteToTwoFactor = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/2fa/invite',
  params: userParams,
  body: noBody,
  response: twoFactorInviteResult,
  permission: 'twoFactor.invite',
  refusals: ['twoFactorAlreadyOn', 'accountArchived', 'noEmail', 'noConfirmedEmail', 'mailLimit'],
  errors: [...writeErrors, 429],
  summary: 'Email the user an invitation to turn on two-factor authentication',
  description: `409 when 2FA is already on, the account is archived, or the user has no email address. ${recipientMailLimitNote} Support: portal users only, with X-Ticket-Ref.`
})

export const disableTwoFactor = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/2fa',
  params: userParams,
  body: noBody,
  response: twoFactorDisableResult,
  permission: 'twoFactor.disable',
  refusals: ['twoFactorAlreadyOff', 'strongVerificationRequired'],
  errors: writeErrors,
  summary: 'Turn two-factor authentication off for a lost device: clears TOTP, signs the user out everywhere, emails them',
  description: 'Needs a re-verified session (POST /auth/reauth), else 403 REAUTH_REQUIRED. 409 when 2FA is not on. Support: portal users only, with X-Ticket-Ref.'
})

export const listUserPasskeys = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/passkeys',
  params: userParams,
  query: noQuery,
  response: passkeyList,
  permission: 'passkeys.read',
  refusals: [],
  errors: readErrors,
  summary: "The user's passkeys: name, created, last used"
})

export const revokeUserPasskey = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/passkeys/:pid',
  params: userParams.extend({ pid: securityRecordId }),
  body: noBody,
  response: deleteResult,
  permission: 'passkeys.revoke',
  refusals: ['alreadyGone'],
  errors: readErrors,
  summary: "Revoke one of the user's passkeys (operators may revoke passkeys, never create them)",
  description: 'Administrators only. 404 when the user has no passkey with this id.'
})

export const listUserSessions = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/sessions',
  params: userParams,
  query: includeRevoked,
  response: sessionList,
  permission: 'sessions.read',
  refusals: [],
  errors: readErrors,
  summary: "The user's sessions, newest first: device (user agent), IP, started, last seen, whether it is the caller's",
  description: 'Revoked sessions only with includeRevoked=true. Support: portal users only.'
})

export const revokeUserSessions = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/sessions',
  params: userParams,
  body: noBody,
  response: revokeResult,
  permission: 'sessions.revoke',
  refusals: [],
  errors: readErrors,
  summary: 'Sign the user out everywhere: revoke every live session',
  description: 'Operators acting on their own account keep the session they are using. Support: portal users only, with X-Ticket-Ref.'
})

export const revokeUserSession = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/sessions/:sid',
  params: userParams.extend({ sid: sessionId }),
  body: noBody,
  response: revokeResult,
  permission: 'sessions.revoke',
  refusals: ['alreadyRevoked', 'alreadyGone'],
  errors: writeErrors,
  summary: 'Revoke one session of the user',
  description: '404 when the user has no session with this id (even if someone else has), 409 when it was already revoked.'
})

export const unlockUser = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/unlock',
  params: userParams,
  body: noBody,
  response: lockState,
  permission: 'lock.unlock',
  refusals: ['notLocked'],
  errors: writeErrors,
  summary: 'Clear the temporary sign-in lock and the failure counters',
  description: '409 when the account is not locked and has no failures to clear. Support: portal users only, with X-Ticket-Ref.'
})

export const listUserSignIns = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/sign-ins',
  params: userParams,
  query: noQuery,
  response: signInList,
  permission: 'signIns.read',
  refusals: [],
  errors: readErrors,
  summary: 'The last 50 sign-in attempts, successful and failed: time, IP, user agent',
  description: 'Support: portal users only.'
})

export const listUserApiKeys = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/api-keys',
  params: userParams,
  query: includeRevoked,
  response: apiKeyList,
  permission: 'apiKeys.read',
  refusals: [],
  errors: readErrors,
  summary: "The user's API keys: description, scope, prefix, created, expires, last used (never the key or its hash)",
  description: 'Revoked keys only with includeRevoked=true. Support: portal users only.'
})

export const revokeUserApiKey = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/api-keys/:kid',
  params: userParams.extend({ kid: securityRecordId }),
  body: noBody,
  response: revokeResult,
  permission: 'apiKeys.revoke',
  refusals: ['alreadyRevoked', 'alreadyGone'],
  errors: writeErrors,
  summary: "Revoke one of the user's API keys",
  description: 'Administrators only. 404 when the user has no key with this id, 409 when it was already revoked.'
})

export const listUserPaymentMethods = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/payment-methods',
  params: userParams,
  query: noQuery,
  response: paymentMethodList,
  permission: 'paymentMethods.read',
  refusals: [],
  errors: readErrors,
  summary: "The user's payment methods: brand, •••• 1234, expiry, added (no edit, by design: the user re-enters a card)",
  description: 'Support: portal users only.'
})

export const deleteUserPaymentMethod = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/payment-methods/:pmid',
  params: userParams.extend({ pmid: securityRecordId }),
  body: noBody,
  response: deleteResult,
  permission: 'paymentMethods.delete',
  refusals: ['alreadyGone'],
  errors: readErrors,
  summary: "Delete one of the user's payment methods",
  description: 'Administrators only. 404 when the user has no payment method with this id.'
})
