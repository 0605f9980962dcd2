import { recipientMailLimitNote } from '../mail-limit'
import {
  portalAccessRequest,
  portalAccessResponse,
  requireResetResponse,
  resetLinkStatusResponse,
  revokeResetLinkResponse,
  sendResetLinkResponse,
  setPasswordRequest,
  setPasswordResponse
} from '../passwords'
import { noBody, userParams } from './common'
import { defineEndpoint, writeErrors } from './define'

const tags = ['passwords']
const onUser = { auth: 'operator', permissionTarget: 'pathUser', params: userParams } as const
const errors = [...writeErrors, 503] as const
/** The actions whose email counts toward the per-user mail limit. */
const mailingErrors = [...errors, 429] as const

export const setUserPassword = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/password',
  body: setPasswordRequest,
  response: setPasswordResponse,
  permission: 'password.set',
  refusals: ['ownAccount', 'supportTemporaryOnly', 'noEmailToNotify', 'accountDeleted'],
  errors,
  tags,
  summary: "Set a user's password; all their sessions are revoked",
  description:
    'The policy: 8 to 128 characters, not common or weak (zxcvbn-ts). Support agents: portal users only, with X-Ticket-Ref, and mustChange: true. ' +
    "Another internal user's password needs a re-authentication. notify sends the \"password changed\" email (never the password). " +
    'Operators cannot set their own password here: 409 with details.reason ownAccount, pointing to POST /api/v1/auth/account/password.'
})

export const sendResetLink = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/reset-link',
  body: noBody,
  response: sendResetLinkResponse,
  permission: 'password.resetLink',
  refusals: ['noEmail', 'noConfirmedEmail', 'accountArchived', 'accountDeleted', 'mailLimit'],
  errors: mailingErrors,
  tags,
  summary: 'Email a single-use link to choose a new password; older outstanding links stop working',
  description: `The link holds a 256-bit token (stored as its SHA-256) and expires after RESET_LINK_TTL_MINUTES (default 60). ${recipientMailLimitNote}`
})

export const resetLinkStatus = defineEndpoint({
  ...onUser,
  method: 'GET',
  path: '/api/v1/users/:id/reset-link',
  response: resetLinkStatusResponse,
  permission: 'password.resetLink',
  refusals: [],
  errors,
  tags,
  summary: "The user's latest link: sent at, expires at, and pending, used, expired or revoked"
})

export const revokeResetLinks = defineEndpoint({
  ...onUser,
  method: 'DELETE',
  path: '/api/v1/users/:id/reset-link',
  body: noBody,
  response: revokeResetLinkResponse,
  permission: 'password.resetLink',
  refusals: [],
  errors,
  tags,
  summary: "Revoke the user's outstanding links"
})

export const requireReset = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/require-reset',
  body: noBody,
  response: requireResetResponse,
  permission: 'password.requireReset',
  refusals: ['noEmail', 'noConfirmedEmail', 'accountArchived', 'accountDeleted', 'mailLimit'],
  errors: mailingErrors,
  tags,
  summary: 'Require a new password (Oro\'s "Reset password"): no sign-in until it is set through the link sent now',
  description: `The user is signed out everywhere at once. Administrators only. ${recipientMailLimitNote}`
})

export const managePortalAccess = defineEndpoint({
  ...onUser,
  method: 'POST',
  path: '/api/v1/users/:id/portal-access',
  body: portalAccessRequest,
  response: portalAccessResponse,
  permission: 'portalAccess.manage',
  refusals: ['notPortalUser', 'noValidEmail', 'emailIsAnotherLogin', 'alreadyGranted', 'notGranted', 'accountDeleted', 'mailLimit'],
  errors: mailingErrors,
  tags: ['portal access'],
  summary: "Odoo's portal access wizard: grant, revoke or reinvite",
  description:
    "grant: needs a valid email that is no other user's login; activates the user and emails a welcome with a set-password link. " +
    `revoke: archives the user and revokes sessions and links. reinvite: the welcome email again. Administrators only. ${recipientMailLimitNote}`
})
