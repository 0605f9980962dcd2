import type { z } from 'zod'
import type { PermissionAction } from '../permissions'
import type { RefusalReason } from '../refusals'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call: anyone, a signed-in operator (bearer token of an operator session), or a signed-in
 * portal user (bearer token of a portal session).
 */
export type EndpointAuth = 'public' | 'operator' | 'portalUser'

/**
 * What the declared permission is judged on:
 * - `none`: no target; checked before the body is even read;
 * - `pathUser`: the user named by the path's `:id`, loaded first (404 when there is none), because
 *   the role's scope, the ticket and the re-authentication depend on that user's kind;
 * - `portalUsers`: allowed when the role may do it on some users (portal ones); what more it sees
 *   is the handler's to decide;
 * - `loaded`: a user the handler finds first (an email's recipient), then has checked; when there is
 *   none, `permissionWithoutTarget` applies instead.
 */
export type PermissionTarget = 'none' | 'pathUser' | 'portalUsers' | 'loaded'

/** Operator routes are closed to a session that still owes a TOTP setup or a new password, unless they say so. */
export type OperatorSetupStep = 'twoFactorSetup' | 'passwordChange'

/** The error statuses an endpoint may answer, each with the one error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503

/** The `:name` segments of a path, as a union of their names. */
export type PathParamKeys<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamKeys<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

export interface EndpointSpec<Path extends string = string> {
  method: HttpMethod
  /** The route as Fastify spells it, with `:name` parameters. */
  path: Path
  /** One key per `:name` of the path. */
  params?: z.ZodObject
  query?: z.ZodType
  body?: z.ZodType
  /** The body is raw bytes (an image) sent with their own content type, not JSON. */
  bytes?: true
  /** The success body; absent when it is not JSON (an image). */
  response?: z.ZodType
  /**
   * What a client accepts as the success body, when looser than `response`: fields added since
   * older portals answered may be missing there.
   */
  readAs?: z.ZodType
  /** The success status; 200 unless said. */
  status?: 200 | 201 | 204
  auth: EndpointAuth
  permission?: PermissionAction
  /** What `permission` is judged on; `none` unless said. */
  permissionTarget?: PermissionTarget
  /** For a `loaded` target that turns out to be no user. */
  permissionWithoutTarget?: PermissionAction
  /** Operator endpoints still open during these setup steps (closed by default). */
  openDuring?: readonly OperatorSetupStep[]
  /** The reasons (`details.reason`) of the refusals it may give. */
  refusals: readonly RefusalReason[]
  errors: readonly ErrorStatus[]
  summary: string
  description?: string
  tags: readonly string[]
}

export type Endpoint = EndpointSpec

/**
 * One endpoint of the portal API, declared once: the server registers its route from it, the desk's
 * client builds its URL and parses its answer with it, and OpenAPI describes it from it.
 */
export function defineEndpoint<const Path extends string, const S extends EndpointSpec<Path>>(spec: S & { path: Path }): Readonly<S> {
  return Object.freeze(spec)
}

export type ParamsOf<E extends EndpointSpec> = PathParamKeys<E['path']> extends never ? undefined : Record<PathParamKeys<E['path']>, string | number>
export type QueryOf<E extends EndpointSpec> = E['query'] extends z.ZodType ? z.input<E['query']> : undefined
export type BodyOf<E extends EndpointSpec> = E['bytes'] extends true ? Uint8Array : E['body'] extends z.ZodType ? z.input<E['body']> : undefined
export type ResponseOf<E extends EndpointSpec> = E['readAs'] extends z.ZodType ? z.output<E['readAs']> : E['response'] extends z.ZodType ? z.output<E['response']> : unknown

/** The concrete URL of an endpoint: each `:name` replaced by its value, percent-encoded. */
export function urlOf<E extends EndpointSpec>(endpoint: E, ...[params]: ParamsOf<E> extends undefined ? [] : [params: ParamsOf<E>]): string {
  return fillPath(endpoint.path, params as Readonly<Record<string, string | number>> | undefined)
}

/** `urlOf` for a path whose parameters are only known at run time (a client walking every endpoint). */
export function fillPath(path: string, params: Readonly<Record<string, string | number>> = {}): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_segment, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') throw new Error(`${path} needs its :${name}`)
    return encodeURIComponent(String(value))
  })
}

/** The `:name` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string)
}

/** The statuses most operator endpoints answer besides success. */
export const readErrors = [400, 401, 403, 404] as const satisfies readonly ErrorStatus[]
export const writeErrors = [400, 401, 403, 404, 409] as const satisfies readonly ErrorStatus[]
