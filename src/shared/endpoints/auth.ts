import { z } from 'zod'
import { health as healthResponse, loginRequest, loginResponse, operator, reauthRequest, reauthResponse } from '../auth'
import {
  beginOwnTwoFactorRequest,
  changeOwnPasswordRequest,
  changeOwnPasswordResult,
  confirmOwnTwoFactorRequest,
  disableOwnTwoFactorRequest,
  operatorAccount,
  ownSessionParams,
  ownTwoFactorSetup
} from '../operator-account'
import { revokeResult, sessionList } from '../security'
import { noBody } from './common'
import { defineEndpoint } from './define'

export const health = defineEndpoint({
  method: 'GET',
  path: '/api/v1/health',
  response: healthResponse,
  auth: 'public',
  refusals: [],
  errors: [503],
  tags: ['health'],
  summary: 'Whether the server and its database answer'
})

// Sign-out, who am I and the identity check stay open while OPERATOR_2FA waits for a TOTP setup;
// sign-out and who am I also while a temporary password waits to be replaced.
const anyOperator = { auth: 'operator', openDuring: ['twoFactorSetup', 'passwordChange'], tags: ['auth'] } as const

export const login = defineEndpoint({
  method: 'POST',
  path: '/api/v1/auth/login',
  body: loginRequest,
  response: loginResponse,
  auth: 'public',
  refusals: [],
  errors: [400, 401],
  tags: ['auth'],
  summary: 'Sign an operator in (active internal users with the role administrator or support)',
  description:
    'An operator with 2FA on also sends `otp`; without it, or with a wrong one, the answer is 401 INVALID_CREDENTIALS with `details.otp` ' +
    "'required' or 'invalid' (only after a right password). Under OPERATOR_2FA=required an administrator without TOTP gets " +
    '`operator.twoFactorSetupRequired: true`, and every route but /auth/* answers 403 TWO_FACTOR_REQUIRED until the setup is done. ' +
    'A temporary password (must change at next sign-in) gives `passwordChangeRequired: true` (and `operator.passwordChangeRequired`): ' +
    'until POST /api/v1/auth/account/password chooses a new one, every route but that one, GET /auth/me and sign-out answers 403 PASSWORD_CHANGE_REQUIRED. ' +
    'A success returns a `deviceToken`: sent back with later sign-ins of the same operator, it is judged on its own failures, so its ' +
    "right password works while the account is locked for unknown devices. Any token that is not valid for this operator counts as none."
})

export const logout = defineEndpoint({
  ...anyOperator,
  method: 'POST',
  path: '/api/v1/auth/logout',
  response: z.null().describe('Signed out'),
  status: 204,
  refusals: [],
  errors: [401],
  summary: 'Revoke the session of the bearer token'
})

export const whoAmI = defineEndpoint({
  ...anyOperator,
  method: 'GET',
  path: '/api/v1/auth/me',
  response: operator,
  refusals: [],
  errors: [401],
  summary: 'The operator signed in with the bearer token'
})

export const reauthenticate = defineEndpoint({
  method: 'POST',
  path: '/api/v1/auth/reauth',
  body: reauthRequest,
  response: reauthResponse,
  auth: 'operator',
  openDuring: ['twoFactorSetup'],
  refusals: [],
  errors: [400, 401],
  tags: ['auth'],
  summary: 'Re-verify the operator with their password: sensitive actions are allowed for 10 minutes',
  description:
    'Needed for disabling 2FA, deleting a user, changing a login or role, and changing another internal ' +
    "user's password; without it they answer 403 REAUTH_REQUIRED. A wrong password is 401 INVALID_CREDENTIALS and keeps the session."
})

/*
 * The operator's own account, OroCRM's "My User" (change password with the current one, TOTP on or
 * off, sessions). Open to an administrator whom OPERATOR_2FA still asks to set up TOTP: this is where
 * they do it. No permission beyond being signed in: every operator owns their account.
 */
const myAccount = { auth: 'operator', openDuring: ['twoFactorSetup'], tags: ['my account'], refusals: [] } as const
const accountErrors = [400, 401, 403, 404, 409, 429] as const

export const getOwnAccount = defineEndpoint({
  ...myAccount,
  method: 'GET',
  path: '/api/v1/auth/account',
  response: operatorAccount,
  errors: [401],
  summary: 'My account: whether my 2FA is on, and whether the portal requires it of me'
})

export const changeOwnPassword = defineEndpoint({
  ...myAccount,
  // Choosing a new password is the one thing a session opened with a temporary password may do.
  openDuring: ['twoFactorSetup', 'passwordChange'],
  method: 'POST',
  path: '/api/v1/auth/account/password',
  body: changeOwnPasswordRequest,
  response: changeOwnPasswordResult,
  refusals: ['sameAsCurrentPassword'],
  errors: accountErrors,
  summary: 'Change my password with the current one; my other sessions end, this one stays',
  description:
    'A wrong current password is 401 INVALID_CREDENTIALS and counts as a failed sign-in; the new one follows the password policy (400 on newPassword) ' +
    "and must differ from the current one (400 on newPassword, reason 'sameAsCurrentPassword'). This is the one route open to a session " +
    'signed in with a temporary password: success clears "must change password" and makes this session a full one.'
})

export const beginOwnTwoFactor = defineEndpoint({
  ...myAccount,
  method: 'POST',
  path: '/api/v1/auth/account/2fa/setup',
  body: beginOwnTwoFactorRequest,
  response: ownTwoFactorSetup,
  errors: accountErrors,
  summary: 'Start turning my 2FA on (password required): a new TOTP secret and its otpauth URI, active once a code is verified'
})

export const confirmOwnTwoFactor = defineEndpoint({
  ...myAccount,
  method: 'POST',
  path: '/api/v1/auth/account/2fa/confirm',
  body: confirmOwnTwoFactorRequest,
  response: operatorAccount,
  errors: accountErrors,
  summary: 'Verify a code from the new secret: my 2FA is on from now, and OPERATOR_2FA no longer holds me back'
})

export const disableOwnTwoFactor = defineEndpoint({
  ...myAccount,
  method: 'POST',
  path: '/api/v1/auth/account/2fa/disable',
  body: disableOwnTwoFactorRequest,
  refusals: ['twoFactorRequiredByPolicy'],
  response: operatorAccount,
  errors: accountErrors,
  summary: 'Turn my 2FA off, with my password',
  description: '403 FORBIDDEN when OPERATOR_2FA=required applies to my role.'
})

export const listOwnSessions = defineEndpoint({
  ...myAccount,
  method: 'GET',
  path: '/api/v1/auth/account/sessions',
  response: sessionList,
  errors: [401],
  summary: 'My live sessions, newest first; the one making this request is `current`'
})

export const revokeOtherOwnSessions = defineEndpoint({
  ...myAccount,
  method: 'POST',
  path: '/api/v1/auth/account/sessions/others',
  body: noBody,
  response: revokeResult,
  errors: accountErrors,
  summary: 'Sign me out everywhere else: every session but this one ends'
})

export const revokeOwnSession = defineEndpoint({
  ...myAccount,
  method: 'DELETE',
  path: '/api/v1/auth/account/sessions/:id',
  params: ownSessionParams,
  response: revokeResult,
  refusals: ['alreadyRevoked', 'alreadyGone'],
  errors: accountErrors,
  summary: 'End one of my other sessions',
  description: 'The session making the request is ended by signing out (POST /api/v1/auth/logout), not here: 400.'
})
