import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { DeskError } from '../../../shared/errors'
import { avatarMaxBytes, avatarTypes } from '../../../shared/users'
import { readAvatar, removeAvatar, setAvatar } from '../../domain/users/avatar'
import { createUser, creationActions } from '../../domain/users/create'
import { requireUserDetail } from '../../domain/users/detail'
import { archiveUser, deleteUser, restoreUser } from '../../domain/users/lifecycle'
import { listUsers } from '../../domain/users/list'
import { updateUser } from '../../domain/users/update'
import type { RouteDeps } from '../app'
import { registerEndpoint } from '../endpoint-route'
import { auditContextOf } from '../request-context'

export type UserRouteDeps = Pick<RouteDeps, 'db' | 'auth' | 'clock'>

export const userRoutes: FastifyPluginAsyncZod<UserRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  // Avatars arrive as the image's bytes. Only in this plugin, and capped at 1 MiB by the parser.
  app.addContentTypeParser([...avatarTypes, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: avatarMaxBytes }, (_request, body, done) => {
    done(null, body)
  })

  registerEndpoint(app, deps, endpoints.listUsers, async (request) => listUsers(db, request.query, clock.now()))

  registerEndpoint(app, deps, endpoints.getUser, async (request) => requireUserDetail(db, request.params.id, clock.now()))

  registerEndpoint(app, deps, endpoints.createUser, async (request, reply, { alsoAuthorize }) => {
    const context = alsoAuthorize(creationActions(request.body))
    const id = await createUser(db, request.body, auditContextOf(context, clock))
    return reply.status(201).send(await requireUserDetail(db, id, clock.now()))
  })

  registerEndpoint(app, deps, endpoints.updateUser, async (request, _reply, { target, context, alsoAuthorize }) => {
    await updateUser(db, target.id, request.body, {
      actorId: context.operator.id,
      authorize: (actions) => auditContextOf(alsoAuthorize(actions), clock)
    })
    return requireUserDetail(db, target.id, clock.now())
  })

  for (const [endpoint, act] of [
    [endpoints.archiveUser, archiveUser],
    [endpoints.restoreUser, restoreUser]
  ] as const) {
    registerEndpoint(app, deps, endpoint, async (request, _reply, { target, context, audit }) => {
      await act(db, target.id, { actorId: context.operator.id, audit, ...(request.body?.version === undefined ? {} : { version: request.body.version }) })
      return requireUserDetail(db, target.id, clock.now())
    })
  }

  registerEndpoint(app, deps, endpoints.deleteUser, async (request, _reply, { target, context, audit }) => {
    await deleteUser(db, target.id, { actorId: context.operator.id, audit, blocklist: request.body.blocklist })
    return requireUserDetail(db, target.id, clock.now())
  })

  registerEndpoint(app, deps, endpoints.getAvatar, async (_request, reply, { target }) => {
    const avatar = await readAvatar(db, target.id)
    return reply
      .header('content-type', avatar.type)
      .header('cache-control', 'private, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(avatar.bytes)
  })

  registerEndpoint(
    app,
    deps,
    endpoints.setAvatar,
    async (request, _reply, { target, audit }) => {
      if (!Buffer.isBuffer(request.body)) throw new DeskError('VALIDATION', 'Send the image bytes as image/png, image/jpeg, image/webp or application/octet-stream.', [{ path: 'avatar', message: 'Not an image.' }])
      await setAvatar(db, target.id, request.body, audit)
      return requireUserDetail(db, target.id, clock.now())
    },
    { bodyLimit: avatarMaxBytes }
  )

  registerEndpoint(app, deps, endpoints.removeAvatar, async (_request, _reply, { target, audit }) => {
    await removeAvatar(db, target.id, audit)
    return requireUserDetail(db, target.id, clock.now())
  })
}
