import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { DeskError } from '../../../shared/errors'
import {
  avatarMaxBytes,
  avatarTypes,
  completeUserDetail,
  completeUserListPage,
  userCreateRequest,
  userDeleteRequest,
  userId,
  userLifecycleRequest,
  userListQuery,
  userUpdateRequest
} from '../../../shared/users'
import { readAvatar, removeAvatar, setAvatar } from '../../domain/users/avatar'
import { createUser, creationActions } from '../../domain/users/create'
import { requireUserDetail } from '../../domain/users/detail'
import { archiveUser, deleteUser, restoreUser } from '../../domain/users/lifecycle'
import { listUsers } from '../../domain/users/list'
import { findUserTarget } from '../../domain/users/target'
import { updateUser } from '../../domain/users/update'
import type { RouteDeps } from '../app'
import { operatorGuard } from '../operator-guard'
import { auditContextOf, authorize, requirePermission } from '../request-context'

export type UserRouteDeps = Pick<RouteDeps, 'db' | 'auth' | 'clock'>

const bearer = [{ bearerAuth: [] }]
const params = z.object({ id: userId })
const refusals = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody, 409: apiErrorBody }

export const userRoutes: FastifyPluginAsyncZod<UserRouteDeps> = async (app, { db, auth, clock }) => {
  const requireOperator = operatorGuard(auth)
  const user = `${apiPaths.users}/:id`

  // Avatars arrive as the image's bytes. Only in this plugin, and capped at 1 MiB by the parser.
  app.addContentTypeParser([...avatarTypes, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: avatarMaxBytes }, (_request, body, done) => {
    done(null, body)
  })

  app.get(
    apiPaths.users,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['users'],
        summary: 'List users: search, filters, sort, keyset pages and kind counts',
        description:
          'status defaults to active. The kind counts honour the search and the status only (not the kind nor the other filters). ' +
          'signIn=dormant: signed in before, but not in the last 90 days; signIn=never: never signed in.',
        security: bearer,
        querystring: userListQuery,
        response: { 200: completeUserListPage, 400: apiErrorBody, 401: apiErrorBody }
      }
    },
    async (request) => listUsers(db, request.query, clock.now())
  )

  app.get(
    user,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['users'],
        summary: 'One user',
        security: bearer,
        params,
        response: { 200: completeUserDetail, 400: apiErrorBody, 401: apiErrorBody, 404: apiErrorBody }
      }
    },
    async (request) => requireUserDetail(db, request.params.id, clock.now())
  )

  app.post(
    apiPaths.users,
    {
      onRequest: [requireOperator, requirePermission('users.create')],
      schema: {
        tags: ['users'],
        summary: 'Create a portal or internal user (administrators)',
        description:
          'A portal user needs firstName, lastName, login, password, companyId and websiteId; an internal user needs its role. ' +
          'The password must pass the password policy. A login or email already used (case-insensitively, archived users included) is 409 naming the field. ' +
          'An internal user with the administrator or support role needs a re-authentication, as a role change does (403 REAUTH_REQUIRED).',
        security: bearer,
        body: userCreateRequest,
        response: { 201: completeUserDetail, ...refusals }
      }
    },
    async (request, reply) => {
      const context = authorize(request, 'users.create')
      for (const action of creationActions(request.body)) authorize(request, action)
      const id = await createUser(db, request.body, auditContextOf(context, clock))
      return reply.status(201).send(await requireUserDetail(db, id, clock.now()))
    }
  )

  app.patch(
    user,
    {
      onRequest: [requireOperator, requirePermission('users.update')],
      schema: {
        tags: ['users'],
        summary: 'Change a user (administrators): the fields to change and the version that was read',
        description:
          'A stale version is 409 CONFLICT with details.currentVersion. Changing the login or the role needs a re-authentication ' +
          '(403 REAUTH_REQUIRED). Once documents exist for the company, country, companyName, vat and companyId are locked ' +
          '(409 CONFLICT naming the fields); an administrator overrides the lock by sending a reason in the X-Reason header, which the audit row keeps.',
        security: bearer,
        params,
        body: userUpdateRequest,
        response: { 200: completeUserDetail, ...refusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      await updateUser(db, target.id, request.body, {
        actorId: authorize(request, 'users.update', target).operator.id,
        authorize: (actions) => {
          let context = authorize(request, 'users.update', target)
          for (const action of actions) context = authorize(request, action, target)
          return auditContextOf(context, clock)
        }
      })
      return requireUserDetail(db, target.id, clock.now())
    }
  )

  for (const [action, path, summary] of [
    ['users.archive', 'archive', 'Archive a user: no more sign-in, every session revoked (administrators)'],
    ['users.restore', 'restore', 'Restore an archived user (administrators); deleted accounts cannot be restored']
  ] as const) {
    app.post(
      `${user}/${path}`,
      {
        onRequest: [requireOperator, requirePermission(action)],
        schema: { tags: ['users'], summary, security: bearer, params, body: userLifecycleRequest.nullish(), response: { 200: completeUserDetail, ...refusals } }
      },
      async (request) => {
        const target = await findUserTarget(db, request.params.id)
        const context = authorize(request, action, target)
        const options = { actorId: context.operator.id, audit: auditContextOf(context, clock), ...(request.body?.version === undefined ? {} : { version: request.body.version }) }
        await (action === 'users.archive' ? archiveUser(db, target.id, options) : restoreUser(db, target.id, options))
        return requireUserDetail(db, target.id, clock.now())
      }
    )
  }

  app.delete(
    user,
    {
      onRequest: [requireOperator, requirePermission('users.delete')],
      schema: {
        tags: ['users'],
        summary: "Delete an account the way Odoo deletes a portal user (administrators, after re-authentication)",
        description:
          'The login becomes __deleted_user_<id>; password, sessions, passkeys, TOTP, API keys and payment methods are removed; the user is archived ' +
          'for good. With blocklist, the email and phone go on the block list. The "account deleted" email is queued to the old address ' +
          '(never sent to a block-listed one), then the email is cleared so that the address can be used again. The audit trail is kept.',
        security: bearer,
        params,
        body: userDeleteRequest,
        response: { 200: completeUserDetail, ...refusals }
      }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'users.delete', target)
      await deleteUser(db, target.id, { actorId: context.operator.id, audit: auditContextOf(context, clock), blocklist: request.body.blocklist })
      return requireUserDetail(db, target.id, clock.now())
    }
  )

  app.get(
    `${user}/avatar`,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['users'],
        summary: "The user's avatar image (PNG, JPEG or WebP), with its content type; 404 when there is none",
        security: bearer,
        params
      }
    },
    async (request, reply) => {
      const target = await findUserTarget(db, request.params.id)
      authorize(request, 'users.read', target)
      const avatar = await readAvatar(db, target.id)
      return reply
        .header('content-type', avatar.type)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(avatar.bytes)
    }
  )

  app.put(
    `${user}/avatar`,
    {
      onRequest: [requireOperator, requirePermission('users.update')],
      bodyLimit: avatarMaxBytes,
      schema: {
        tags: ['users'],
        summary: 'Set the avatar (administrators): the image bytes, PNG, JPEG or WebP, at most 1 MiB',
        description: 'The type is recognized by the bytes, not by Content-Type (send image/png, image/jpeg, image/webp or application/octet-stream).',
        security: bearer,
        params,
        response: { 200: completeUserDetail, ...refusals, 413: apiErrorBody, 415: apiErrorBody }
      }
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new DeskError('VALIDATION', 'Send the image bytes as image/png, image/jpeg, image/webp or application/octet-stream.', [{ path: 'avatar', message: 'Not an image.' }])
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'users.update', target)
      await setAvatar(db, target.id, request.body, auditContextOf(context, clock))
      return requireUserDetail(db, target.id, clock.now())
    }
  )

  app.delete(
    `${user}/avatar`,
    {
      onRequest: [requireOperator, requirePermission('users.update')],
      schema: { tags: ['users'], summary: 'Remove the avatar (administrators)', security: bearer, params, response: { 200: completeUserDetail, ...refusals } }
    },
    async (request) => {
      const target = await findUserTarget(db, request.params.id)
      const context = authorize(request, 'users.update', target)
      await removeAvatar(db, target.id, auditContextOf(context, clock))
      return requireUserDetail(db, target.id, clock.now())
    }
  )
}
