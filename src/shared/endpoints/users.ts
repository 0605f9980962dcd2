import { completeUserDetail, completeUserListPage, userCreateRequest, userDetail, userListPage, userDeleteRequest, userLifecycleRequest, userListQuery, userUpdateRequest } from '../users'
import { userParams } from './common'
import { defineEndpoint, writeErrors } from './define'

const tags = ['users']

export const listUsers = defineEndpoint({
  method: 'GET',
  path: '/api/v1/users',
  query: userListQuery,
  response: completeUserListPage,
  readAs: userListPage,
  auth: 'operator',
  refusals: [],
  errors: [400, 401],
  tags,
  summary: 'List users: search, filters, sort, keyset pages and kind counts',
  description:
    'status defaults to active. The kind counts honour the search and the status only (not the kind nor the other filters). ' +
    'signIn=dormant: signed in before, but not in the last 90 days; signIn=never: never signed in.'
})

export const getUser = defineEndpoint({
  method: 'GET',
  path: '/api/v1/users/:id',
  params: userParams,
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  refusals: [],
  errors: [400, 401, 404],
  tags,
  summary: 'One user'
})

export const createUser = defineEndpoint({
  method: 'POST',
  path: '/api/v1/users',
  body: userCreateRequest,
  response: completeUserDetail,
  readAs: userDetail,
  status: 201,
  auth: 'operator',
  permission: 'users.create',
  refusals: ['loginConfusable', 'companyShared', 'loginTaken', 'emailTaken', 'unknownCompany', 'unknownWebsite', 'birthdayInFuture'],
  errors: writeErrors,
  tags,
  summary: 'Create a portal or internal user (administrators)',
  description:
    'A portal user needs firstName, lastName, login, password, companyId and websiteId; an internal user needs its role. ' +
    'The password must pass the password policy. A login or email already used (case-insensitively, archived users included) is 409 naming the field. ' +
    'An internal user with the administrator or support role needs a re-authentication, as a role change does (403 REAUTH_REQUIRED).'
})

export const updateUser = defineEndpoint({
  method: 'PATCH',
  path: '/api/v1/users/:id',
  params: userParams,
  body: userUpdateRequest,
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.update',
  permissionTarget: 'pathUser',
  refusals: ['staleVersion', 'loginConfusable', 'companyShared', 'accountDeleted', 'passwordRequired', 'loginTaken', 'emailTaken', 'ownRole', 'roleOfPortalUser', 'noCompany', 'unknownCompany', 'unknownWebsite', 'birthdayInFuture'],
  errors: writeErrors,
  tags,
  summary: 'Change a user (administrators): the fields to change and the version that was read',
  description:
    'A stale version is 409 CONFLICT with details.currentVersion. Changing the login or the role needs a re-authentication ' +
    '(403 REAUTH_REQUIRED). Once documents exist for the company, country, companyName, vat and companyId are locked ' +
    '(409 CONFLICT naming the fields); an administrator overrides the lock by sending a reason in the X-Reason header, which the audit row keeps.'
})

export const archiveUser = defineEndpoint({
  method: 'POST',
  path: '/api/v1/users/:id/archive',
  params: userParams,
  body: userLifecycleRequest.nullish(),
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.archive',
  permissionTarget: 'pathUser',
  refusals: ['ownAccount', 'alreadyArchived', 'accountDeleted', 'staleVersion'],
  errors: writeErrors,
  tags,
  summary: 'Archive a user: no more sign-in, every session revoked (administrators)'
})

export const restoreUser = defineEndpoint({
  method: 'POST',
  path: '/api/v1/users/:id/restore',
  params: userParams,
  body: userLifecycleRequest.nullish(),
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.restore',
  permissionTarget: 'pathUser',
  refusals: ['notArchived', 'accountDeleted', 'staleVersion'],
  errors: writeErrors,
  tags,
  summary: 'Restore an archived user (administrators); deleted accounts cannot be restored'
})

export const deleteUser = defineEndpoint({
  method: 'DELETE',
  path: '/api/v1/users/:id',
  params: userParams,
  body: userDeleteRequest,
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.delete',
  permissionTarget: 'pathUser',
  refusals: ['ownAccount', 'accountDeleted'],
  errors: writeErrors,
  tags,
  summary: 'Delete an account the way Odoo deletes a portal user (administrators, after re-authentication)',
  description:
    'The login becomes __deleted_user_<id>; password, sessions, passkeys, TOTP, API keys and payment methods are removed; the user is archived ' +
    'for good. With blocklist, the email and phone go on the block list. The "account deleted" email is queued to the old address ' +
    '(never sent to a block-listed one), then the email is cleared so that the address can be used again. The audit trail is kept.'
})

/** The image bytes themselves, not JSON: the desk reads it as an image. */
export const getAvatar = defineEndpoint({
  method: 'GET',
  path: '/api/v1/users/:id/avatar',
  params: userParams,
  auth: 'operator',
  permission: 'users.read',
  permissionTarget: 'pathUser',
  refusals: [],
  errors: [],
  tags,
  summary: "The user's avatar image (PNG, JPEG or WebP), with its content type; 404 when there is none"
})

export const setAvatar = defineEndpoint({
  method: 'PUT',
  path: '/api/v1/users/:id/avatar',
  params: userParams,
  bytes: true,
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.update',
  permissionTarget: 'pathUser',
  refusals: ['accountDeleted', 'avatarEmpty', 'avatarType'],
  errors: [...writeErrors, 413, 415],
  tags,
  summary: 'Set the avatar (administrators): the image bytes, PNG, JPEG or WebP, at most 1 MiB',
  description: 'The type is recognized by the bytes, not by Content-Type (send image/png, image/jpeg, image/webp or application/octet-stream).'
})

export const removeAvatar = defineEndpoint({
  method: 'DELETE',
  path: '/api/v1/users/:id/avatar',
  params: userParams,
  response: completeUserDetail,
  readAs: userDetail,
  auth: 'operator',
  permission: 'users.update',
  permissionTarget: 'pathUser',
  refusals: ['accountDeleted'],
  errors: writeErrors,
  tags,
  summary: 'Remove the avatar (administrators)'
})
