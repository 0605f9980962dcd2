import { z } from 'zod'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { apiErrorBody } from '../../../shared/api'
import { userId } from '../../../shared/users'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuditContext } from '../../domain/audit/record'
import type { AuthService } from '../../domain/auth/auth-service'
import type { PermissionAction } from '../../domain/permissions'
import { findUserTarget, type UserTarget } from '../../domain/users/target'
import { auditContextOf, authorize, type OperatorContext } from '../request-context'

/** What the security route modules use of `RouteDeps`. */
export interface SecurityRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
}

export const bearer = [{ bearerAuth: [] }]
export const securityTag = ['security']

/** The refusals every security route may answer, for the OpenAPI description. */
export const refusals = { 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody } as const
export const writeRefusals = { ...refusals, 409: apiErrorBody } as const

export const userParams = z.object({ id: userId })

/** Actions without input: a body, if any, must be an empty object (anything in it is refused, not ignored). */
export const noBody = z.object({}).strict().nullish()
/** Reads without options: an unknown query parameter is refused, not ignored. */
export const noQuery = z.object({}).strict()
export const includeRevoked = z.object({ includeRevoked: z.enum(['true', 'false']).default('false') }).strict()

export interface AuthorizedTarget {
  target: UserTarget
  context: OperatorContext
  /** The audit row's who/where/why, timed now. */
  audit: AuditContext
}

/**
 * The first steps of every security route, in the order that leaks least and changes nothing on
 * refusal: the user must exist (404; its kind decides the scope), then the role, ticket and
 * re-authentication checks of `action` on it.
 */
export async function authorizeOnUser(
  db: Kysely<Database>,
  clock: Clock,
  request: FastifyRequest,
  id: number,
  action: PermissionAction
): Promise<AuthorizedTarget> {
  const target = await findUserTarget(db, id)
  const context = authorize(request, action, target)
  return { target, context, audit: auditContextOf(context, clock) }
}
