import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody, apiPaths } from '../../../shared/api'
import { DeskError } from '../../../shared/errors'
import { userDetail, userId, userListPage, userListQuery } from '../../../shared/users'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'
import { getUserDetail } from '../../domain/users/detail'
import { listUsers } from '../../domain/users/list'
import { operatorGuard } from '../operator-guard'

export interface UserRouteDeps {
  db: Kysely<Database>
  auth: AuthService
}

const bearer = [{ bearerAuth: [] }]

export const userRoutes: FastifyPluginAsyncZod<UserRouteDeps> = async (app, { db, auth }) => {
  const requireOperator = operatorGuard(auth)

  app.get(
    apiPaths.users,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['users'],
        summary: 'List portal and internal users: search, sort, keyset pages and kind counts',
        security: bearer,
        querystring: userListQuery,
        response: { 200: userListPage, 400: apiErrorBody, 401: apiErrorBody }
      }
    },
    async (request) => listUsers(db, request.query)
  )

  app.get(
    `${apiPaths.users}/:id`,
    {
      onRequest: requireOperator,
      schema: {
        tags: ['users'],
        summary: 'One user',
        security: bearer,
        params: z.object({ id: userId }),
        response: { 200: userDetail, 400: apiErrorBody, 401: apiErrorBody, 404: apiErrorBody }
      }
    },
    async (request) => {
      const user = await getUserDetail(db, request.params.id)
      if (!user) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
      return user
    }
  )
}
