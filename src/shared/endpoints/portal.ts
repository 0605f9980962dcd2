import { z } from 'zod'
import {
  addPaymentMethodRequest,
  apiKeyItem,
  changePasswordRequest,
  createApiKeyRequest,
  createdApiKey,
  deleteAccountRequest,
  idParams,
  meContactUpdate,
  meProfile,
  passkeyCreateRequest,
  passkeyItem,
  passkeyLoginOptionsRequest,
  passkeyLoginRequest,
  passkeyRenameRequest,
  passwordConfirmation,
  paymentMethodItem,
  portalLoginRequest,
  portalLoginResponse,
  sessionsRevokedResponse,
  twoFactorSetupResponse,
  twoFactorStatus,
  twoFactorVerifyRequest,
  webauthnOptions
} from '../portal'
import { defineEndpoint } from './define'

/*
 * The portal users' own API: sign-in under /api/v1/portal and self-service under /api/v1/me, the
 * user-driven half of the Odoo portal page. The desk does not call these; a portal front end and the
 * tests read the same declarations as the server.
 */
const signIn = { auth: 'public', tags: ['portal'], refusals: [] } as const
const me = { auth: 'portalUser', tags: ['me'] } as const
const meErrors = [400, 401, 403, 409, 429] as const
const ownErrors = [400, 401, 403, 404, 409, 429] as const
const listErrors = [401, 403] as const

export const portalLogin = defineEndpoint({
  ...signIn,
  method: 'POST',
  path: '/api/v1/portal/login',
  body: portalLoginRequest,
  response: portalLoginResponse,
  errors: [400, 401, 429],
  summary: 'Sign a portal user in with login, password and, when 2FA is on, a TOTP code',
  description:
    'Every refusal is 401 INVALID_CREDENTIALS with one message (unknown login, wrong password, archived, deleted, reset required, ' +
    'temporarily locked). Only after a right password on an account with 2FA do the details say `{otp: "required" | "invalid"}`. ' +
    'An address with too many failures gets 429 RATE_LIMITED until its 15-minute window ends. A temporary password (must change at next ' +
    'sign-in) answers `passwordChangeRequired: true`: the session may only choose a new password (POST /api/v1/me/password) and sign out; ' +
    'every other /me route answers 403 PASSWORD_CHANGE_REQUIRED. ' +
    'A success returns a `deviceToken`: ' +
    'sent back with later sign-ins of the same account, it is judged on its own failures, so its right password works while the account ' +
    'is locked for unknown devices. Any token that is not valid for this account counts as none.'
})

export const passkeyLoginOptions = defineEndpoint({
  ...signIn,
  method: 'POST',
  path: '/api/v1/portal/passkeys/options',
  body: passkeyLoginOptionsRequest,
  response: webauthnOptions,
  errors: [400],
  summary: 'Start a passkey sign-in on a portal website: WebAuthn request options with a single-use challenge (discoverable credentials)'
})

export const passkeyLogin = defineEndpoint({
  ...signIn,
  method: 'POST',
  path: '/api/v1/portal/passkeys/login',
  body: passkeyLoginRequest,
  response: portalLoginResponse,
  errors: [400, 401, 429],
  summary: 'Finish a passkey sign-in with the authenticator response: a portal session',
  description: 'Any refusal (unknown passkey, bad signature, used or expired challenge, account not allowed to sign in) is 401 INVALID_CREDENTIALS.'
})

export const portalLogout = defineEndpoint({
  ...me,
  // Sign-out stays open to a session signed in with a temporary password.
  openDuring: ['passwordChange'],
  method: 'POST',
  path: '/api/v1/me/logout',
  response: z.null().describe('Signed out'),
  status: 204,
  refusals: [],
  errors: [401],
  summary: 'Sign out: revoke the session of the bearer token'
})

export const getMe = defineEndpoint({
  ...me,
  method: 'GET',
  path: '/api/v1/me',
  response: meProfile,
  refusals: [],
  errors: listErrors,
  summary: 'The signed-in portal user'
})

export const updateMe = defineEndpoint({
  ...me,
  method: 'PATCH',
  path: '/api/v1/me',
  body: meContactUpdate,
  response: meProfile,
  refusals: ['staleVersion', 'companyShared', 'passwordRequired', 'loginConfusable'],
  errors: meErrors,
  summary: 'Update my contact information (name, email, phone, street, city, country required; the login cannot change)',
  description:
    'Send the `version` that was read: a stale one is 409 CONFLICT with details.currentVersion. Country, company name and VAT are ' +
    'locked once documents exist for the company: 409 DOCUMENT_LOCKED naming each field, telling the user to contact an administrator. ' +
    'Company name and VAT are refused with 403 FORBIDDEN (details.reason `companyShared`) when other users share the company. ' +
    'A new email needs `currentPassword` (403 REAUTH_REQUIRED, reason `passwordRequired`, without it; 401 when wrong) and stays ' +
    '`pendingEmail` until the link sent to it is followed; the old address is told at once, with a link that undoes the change.'
})

export const changeMyPassword = defineEndpoint({
  ...me,
  // Choosing a new password is the one thing a session opened with a temporary password may do.
  openDuring: ['passwordChange'],
  method: 'POST',
  path: '/api/v1/me/password',
  body: changePasswordRequest,
  response: sessionsRevokedResponse,
  refusals: ['sameAsCurrentPassword'],
  errors: meErrors,
  summary: 'Change my password with the current one; my other sessions are signed out, this one stays',
  description:
    'A wrong current password is 401 INVALID_CREDENTIALS and counts as a failed sign-in. The new password must pass the policy and differ from ' +
    "the current one (400 on newPassword; reason 'sameAsCurrentPassword'). This is the one route open to a session signed in with a temporary " +
    'password: success clears "must change password" and makes this session a full one.'
})

export const signOutOthers = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/sign-out-others',
  body: passwordConfirmation,
  response: sessionsRevokedResponse,
  refusals: [],
  errors: meErrors,
  summary: 'Log out from all devices: with my password, revoke every session but this one'
})

export const deleteMe = defineEndpoint({
  ...me,
  method: 'DELETE',
  path: '/api/v1/me',
  body: deleteAccountRequest,
  response: z.null().describe('Deleted; every session has ended'),
  status: 204,
  refusals: [],
  errors: meErrors,
  summary: 'Delete my account: my password and my login typed in; email and phone go on the block list unless blocklist is false'
})

export const beginMyTwoFactor = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/2fa/setup',
  body: passwordConfirmation,
  response: twoFactorSetupResponse,
  refusals: ['twoFactorAlreadyOn'],
  errors: ownErrors,
  summary: 'Start turning on 2FA (password required): a new TOTP secret as an otpauth URI, active once a code is verified'
})

export const verifyMyTwoFactor = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/2fa/verify',
  body: twoFactorVerifyRequest,
  response: twoFactorStatus,
  refusals: [],
  errors: ownErrors,
  summary: 'Verify a code from the new secret: 2FA is on from now (the code cannot be used again)'
})

export const disableMyTwoFactor = defineEndpoint({
  ...me,
  method: 'DELETE',
  path: '/api/v1/me/2fa',
  body: passwordConfirmation,
  response: twoFactorStatus,
  refusals: ['twoFactorAlreadyOff'],
  errors: ownErrors,
  summary: 'Turn 2FA off, with my password'
})

export const listMyPasskeys = defineEndpoint({
  ...me,
  method: 'GET',
  path: '/api/v1/me/passkeys',
  response: z.object({ items: z.array(passkeyItem) }),
  refusals: [],
  errors: listErrors,
  summary: 'My passkeys: name, created, last used'
})

export const myPasskeyOptions = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/passkeys/options',
  body: passwordConfirmation,
  response: webauthnOptions,
  refusals: ['passkeyLimit'],
  errors: ownErrors,
  summary: 'Start adding a passkey (password required first, as on the Odoo page): WebAuthn creation options for my website'
})

export const addMyPasskey = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/passkeys',
  body: passkeyCreateRequest,
  response: passkeyItem,
  status: 201,
  refusals: [],
  errors: ownErrors,
  summary: "Finish adding a passkey with the authenticator's attestation and a name"
})

export const renameMyPasskey = defineEndpoint({
  ...me,
  method: 'PATCH',
  path: '/api/v1/me/passkeys/:id',
  params: idParams,
  body: passkeyRenameRequest,
  response: passkeyItem,
  refusals: ['alreadyGone'],
  errors: ownErrors,
  summary: 'Rename one of my passkeys'
})

export const deleteMyPasskey = defineEndpoint({
  ...me,
  method: 'DELETE',
  path: '/api/v1/me/passkeys/:id',
  params: idParams,
  response: z.null().describe('Deleted'),
  status: 204,
  refusals: ['alreadyGone'],
  errors: ownErrors,
  summary: 'Delete one of my passkeys'
})

export const listMyPaymentMethods = defineEndpoint({
  ...me,
  method: 'GET',
  path: '/api/v1/me/payment-methods',
  response: z.object({ items: z.array(paymentMethodItem) }),
  refusals: [],
  errors: listErrors,
  summary: 'My payment methods, shown as •••• 1234 with brand and expiry'
})

export const addMyPaymentMethod = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/payment-methods',
  body: addPaymentMethodRequest,
  response: paymentMethodItem,
  status: 201,
  refusals: ['paymentMethodLimit'],
  errors: ownErrors,
  summary: 'Add a card through the built-in demo provider (Luhn and expiry checked; only brand, last 4, expiry and holder are stored)'
})

export const deleteMyPaymentMethod = defineEndpoint({
  ...me,
  method: 'DELETE',
  path: '/api/v1/me/payment-methods/:id',
  params: idParams,
  response: z.null().describe('Deleted'),
  status: 204,
  refusals: ['alreadyGone'],
  errors: ownErrors,
  summary: 'Delete one of my payment methods (there is no edit: re-enter instead)'
})

export const listMyApiKeys = defineEndpoint({
  ...me,
  method: 'GET',
  path: '/api/v1/me/api-keys',
  response: z.object({ items: z.array(apiKeyItem) }),
  refusals: [],
  errors: listErrors,
  summary: 'My API keys (prefix, description, scope, dates; never the key)'
})

export const createMyApiKey = defineEndpoint({
  ...me,
  method: 'POST',
  path: '/api/v1/me/api-keys',
  body: createApiKeyRequest,
  response: createdApiKey,
  status: 201,
  refusals: ['apiKeyNeedsWebsite', 'apiKeyExists'],
  errors: ownErrors,
  summary: 'Create my API key for my website (password required); the key is shown once. At most one per user and website'
})

export const revokeMyApiKey = defineEndpoint({
  ...me,
  method: 'DELETE',
  path: '/api/v1/me/api-keys/:id',
  params: idParams,
  response: apiKeyItem,
  refusals: ['alreadyRevoked', 'alreadyGone'],
  errors: ownErrors,
  summary: 'Revoke my API key'
})
