import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions, onRequestHookHandler } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { apiErrorBody } from '../../shared/api'
import type { EndpointSpec } from '../../shared/endpoints/define'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { AuditContext } from '../domain/audit/record'
import type { AuthService } from '../domain/auth/auth-service'
import type { PermissionAction, PermissionTarget } from '../domain/permissions'
import { findUserTarget, type UserTarget } from '../domain/users/target'
import { operatorGuard } from './operator-guard'
import { auditContextOf, authorize, operatorContext, type OperatorContext } from './request-context'

/** The OpenAPI security scheme of every guarded route: a bearer token (operator or portal session). */
export const bearerScheme = 'bearerAuth'
const bearerSecurity = [{ [bearerScheme]: [] }]

/** What registering an endpoint needs: the guards' services and where target users are loaded from. */
export interface EndpointRouteDeps {
  db: Kysely<Database>
  /** For operator endpoints. */
  auth?: AuthService
  clock?: Clock
  /** The portal user's guard, for `portalUser` endpoints. */
  portalGuard?: (options: { duringPasswordChange: boolean }) => onRequestHookHandler
}

/** The declared permission, passed, on the declared target: who acts, on whom, and the audit row's context. */
export interface OperatorAccess {
  context: OperatorContext
  /** The audit row's who/where/why, timed when the check passed. */
  audit: AuditContext
  /**
   * The declared permission again with the actions the domain derives from the request (a role
   * change, a new login): each must pass too. Returns the context for the audit row.
   */
  alsoAuthorize(actions: readonly PermissionAction[]): OperatorContext
}

/** For a `loaded` target: the declared permission on the user the handler found (or the one for no user). */
export interface LoadedTargetAccess {
  authorizeOn(target: UserTarget | null): { context: OperatorContext; audit: AuditContext }
}

export type AccessOf<E extends EndpointSpec> = E['auth'] extends 'operator'
  ? E['permissionTarget'] extends 'loaded'
    ? LoadedTargetAccess
    : OperatorAccess & (E['permissionTarget'] extends 'pathUser' ? { target: UserTarget } : unknown)
  : Record<string, never>

type Input<Schema, Fallback> = Schema extends z.ZodType ? z.output<Schema> : Fallback

export type EndpointRequest<E extends EndpointSpec> = FastifyRequest & {
  params: Input<E['params'], Record<string, never>>
  query: Input<E['query'], Record<string, never>>
  body: E['bytes'] extends true ? unknown : Input<E['body'], undefined>
}

type Reply<E extends EndpointSpec> = (E['response'] extends z.ZodType ? z.input<E['response']> : unknown) | FastifyReply

export type EndpointHandler<E extends EndpointSpec> = (request: EndpointRequest<E>, reply: FastifyReply, access: AccessOf<E>) => Promise<Reply<E>>

/** Route options that are not the endpoint's contract: a body limit for images, and checks between the guard and the permission. */
export type EndpointRouteOptions = Pick<RouteShorthandOptions, 'bodyLimit'> & { beforePermission?: onRequestHookHandler[] }

const portalUsersTarget: PermissionTarget = { kind: 'portal', id: 0 }

/** The Fastify schema of an endpoint: its inputs, its success and error bodies, and its security. */
export function routeSchemaOf(endpoint: EndpointSpec): Record<string, unknown> {
  const response: Record<number, z.ZodType> = {}
  if (endpoint.response) response[endpoint.status ?? 200] = endpoint.response
  for (const status of endpoint.errors) response[status] = apiErrorBody
  return {
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    ...(endpoint.auth === 'public' ? {} : { security: bearerSecurity }),
    ...(endpoint.params ? { params: endpoint.params } : {}),
    ...(endpoint.query ? { querystring: endpoint.query } : {}),
    ...(endpoint.body && !endpoint.bytes ? { body: endpoint.body } : {}),
    ...(Object.keys(response).length > 0 ? { response } : {})
  }
}

function guardsOf(endpoint: EndpointSpec, deps: EndpointRouteDeps, beforePermission: onRequestHookHandler[]): onRequestHookHandler[] {
  const openDuring = endpoint.openDuring ?? []
  if (endpoint.auth === 'public') return []
  if (endpoint.auth === 'portalUser') {
    if (!deps.portalGuard) throw new Error(`${endpoint.method} ${endpoint.path} needs the portal guard`)
    return [deps.portalGuard({ duringPasswordChange: openDuring.includes('passwordChange') })]
  }
  if (!deps.auth) throw new Error(`${endpoint.method} ${endpoint.path} needs the operator sessions`)
  const guards: onRequestHookHandler[] = [
    operatorGuard(deps.auth, { duringTwoFactorSetup: openDuring.includes('twoFactorSetup'), duringPasswordChange: openDuring.includes('passwordChange') }),
    ...beforePermission
  ]
  const permission = endpoint.permission
  // Without a target, refuse before the body is even read.
  if (permission && (endpoint.permissionTarget ?? 'none') === 'none') {
    guards.push(async (request: FastifyRequest) => {
      authorize(request, permission)
    })
  }
  return guards
}

/**
 * The operator's access to an endpoint, in the order that leaks least and changes nothing on
 * refusal: the target user must exist (404; its kind decides the scope), then the role, ticket and
 * re-authentication checks of the declared permission on it.
 */
async function operatorAccessOf(endpoint: EndpointSpec, request: FastifyRequest, deps: EndpointRouteDeps & { clock: Clock }): Promise<(OperatorAccess & { target?: UserTarget }) | LoadedTargetAccess> {
  const targetKind = endpoint.permissionTarget ?? 'none'
  if (targetKind === 'loaded') {
    return {
      authorizeOn: (target) => {
        const action = target ? endpoint.permission : endpoint.permissionWithoutTarget
        const context = action ? authorize(request, action, target) : operatorContext(request)
        return { context, audit: auditContextOf(context, deps.clock) }
      }
    }
  }
  const target = targetKind === 'pathUser' ? await findUserTarget(deps.db, (request.params as { id: number }).id) : undefined
  const checkedOn: PermissionTarget | null = target ?? (targetKind === 'portalUsers' ? portalUsersTarget : null)
  const declared = endpoint.permission
  const alsoAuthorize = (actions: readonly PermissionAction[]): OperatorContext => {
    let context = declared ? authorize(request, declared, checkedOn) : operatorContext(request)
    for (const action of actions) context = authorize(request, action, checkedOn)
    return context
  }
  const context = alsoAuthorize([])
  return { context, audit: auditContextOf(context, deps.clock), alsoAuthorize, ...(target ? { target } : {}) }
}

function clockOf(deps: EndpointRouteDeps): Clock {
  if (!deps.clock) throw new Error('Operator endpoints need the clock of their audit rows')
  return deps.clock
}

/**
 * Registers the route of a declared endpoint: method, URL and schema from the declaration, the guard
 * its `auth` names, and its permission checked before `handler` runs, so that no handler picks its
 * own guard or spells an action.
 */
export function registerEndpoint<E extends EndpointSpec>(
  app: FastifyInstance,
  deps: EndpointRouteDeps,
  endpoint: E,
  handler: EndpointHandler<E>,
  { beforePermission = [], ...options }: EndpointRouteOptions = {}
): void {
  const onRequest = guardsOf(endpoint, deps, beforePermission)
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...options,
    ...(onRequest.length > 0 ? { onRequest } : {}),
    schema: routeSchemaOf(endpoint),
    handler: async (request, reply) => {
      const access = endpoint.auth === 'operator' ? await operatorAccessOf(endpoint, request, { ...deps, clock: clockOf(deps) }) : {}
      return handler(request as EndpointRequest<E>, reply, access as AccessOf<E>)
    }
  })
}
