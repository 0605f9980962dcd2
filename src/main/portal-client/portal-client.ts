import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import type { z } from 'zod'
import { endpoints, fillPath, type EndpointSpec } from '../../shared/endpoints'
import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from '../../shared/endpoints/define'
import type { AuditPage, ParsedAuditListQuery } from '../../shared/audit'
import type { Health, LoginRequest, LoginResponse, Operator } from '../../shared/auth'
import type { PaymentMethodList, SignInList } from '../../shared/security'
import type { ParsedUserListQuery, UserDetail, UserListPage } from '../../shared/users'
import type { AuditContext } from '../../shared/ipc/audit-context'
import { releaseVersion } from '../../shared/version'
import { toDeskError } from './to-desk-error'

const imageTypes: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp'])

/** HTTP headers carry Latin-1 only: the reason travels percent-encoded, as the server expects. */
export function auditHeaders(audit: AuditContext): Record<string, string> {
  const headers: Record<string, string> = {}
  if (audit?.ticketRef) headers['x-ticket-ref'] = audit.ticketRef
  if (audit?.reason) headers['x-reason'] = encodeURIComponent(audit.reason)
  if (audit?.verificationId) headers['x-verification'] = audit.verificationId
  return headers
}

/** One call of a declared endpoint: its path parameters, query, body and extra headers. */
export type EndpointCall<E extends EndpointSpec> = (ParamsOf<E> extends undefined ? { params?: undefined } : { params: ParamsOf<E> }) & {
  query?: QueryOf<E>
  body?: BodyOf<E>
  headers?: Record<string, string>
}

export interface PortalClientOptions {
  baseUrl: string
  /** Per request, from first byte to last; a hung server becomes UNREACHABLE after this. */
  timeoutMs?: number
}

export const defaultPortalTimeoutMs = 10_000

/** A query without its unset and empty fields: the server reads those as not given. */
function withoutBlanks(query: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''))
}

const systemOf: Partial<Record<NodeJS.Platform, string>> = { win32: 'Windows NT', darwin: 'Macintosh; Mac OS X', linux: 'X11; Linux' }

/**
 * "PortalDesk/0.1.0 (X11; Linux)": how the desk introduces itself, so that an operator's session list
 * (My account) shows "PortalDesk · Linux" rather than the HTTP library's name.
 */
export function deskUserAgent(platform: NodeJS.Platform = process.platform): string {
  return `PortalDesk/${releaseVersion} (${systemOf[platform] ?? platform})`
}

/**
 * The desk's only HTTP client of a portal server. The bearer token is passed in by main for each call
 * and never leaves this process; every answer is parsed with the shared schemas.
 */
export class PortalClient {
  readonly baseUrl: string
  readonly #http: AxiosInstance
  readonly #timeoutMs: number

  constructor(options: PortalClientOptions) {
    this.baseUrl = options.baseUrl
    this.#timeoutMs = options.timeoutMs ?? defaultPortalTimeoutMs
    this.#http = axios.create({
      baseURL: options.baseUrl,
      timeout: this.#timeoutMs,
      // A redirect could carry the bearer token to another host; a portal API never needs one.
      maxRedirects: 0,
      maxContentLength: 20 * 1024 * 1024,
      responseType: 'json',
      headers: { accept: 'application/json', 'user-agent': deskUserAgent() }
    })
  }

  health(): Promise<Health> {
    return this.send(endpoints.health, {})
  }

  login(credentials: LoginRequest): Promise<LoginResponse> {
    return this.send(endpoints.login, { body: credentials })
  }

  async logout(token: string): Promise<void> {
    await this.send(endpoints.logout, {}, token)
  }

  me(token: string): Promise<Operator> {
    return this.send(endpoints.whoAmI, {}, token)
  }

  listUsers(token: string, query: ParsedUserListQuery): Promise<UserListPage> {
    return this.send(endpoints.listUsers, { query }, token)
  }

  getUser(token: string, id: number): Promise<UserDetail> {
    return this.send(endpoints.getUser, { params: { id } }, token)
  }

  listPaymentMethods(token: string, userId: number): Promise<PaymentMethodList> {
    return this.send(endpoints.listUserPaymentMethods, { params: { id: userId } }, token)
  }

  listSignIns(token: string, userId: number): Promise<SignInList> {
    return this.send(endpoints.listUserSignIns, { params: { id: userId } }, token)
  }

  listAudit(token: string, query: ParsedAuditListQuery): Promise<AuditPage> {
    return this.send(endpoints.listAudit, { query }, token)
  }

  /**
   * A call of a declared endpoint: the URL is built from its path, the answer parsed with its
   * response schema; `audit` becomes the `X-Ticket-Ref`, `X-Reason` and `X-Verification` headers.
   */
  async send<E extends EndpointSpec>(endpoint: E, call: EndpointCall<E>, token?: string, audit?: AuditContext): Promise<ResponseOf<E>> {
    const config: AxiosRequestConfig = {
      method: endpoint.method,
      url: fillPath(endpoint.path, call.params as Readonly<Record<string, string | number>> | undefined),
      headers: { ...call.headers, ...auditHeaders(audit) },
      ...(call.query === undefined ? {} : { params: withoutBlanks(call.query as object) }),
      // A write without input still sends an empty object: the server refuses anything else in it.
      ...(call.body !== undefined ? { data: call.body } : endpoint.method === 'GET' ? {} : { data: {} })
    }
    // No JSON to read: an image, or 204 No Content.
    const schema = endpoint.readAs ?? endpoint.response
    if (!schema || endpoint.status === 204) return (await this.#send(config, token)) as ResponseOf<E>
    return this.#call(schema, config, token) as Promise<ResponseOf<E>>
  }

  /** An image the API serves to operators only (an avatar), as a data: URL; null when there is none. */
  async image<E extends EndpointSpec>(endpoint: E, params: ParamsOf<E>, token: string): Promise<string | null> {
    try {
      const response = await this.#http.request<ArrayBuffer>({
        method: 'GET',
        url: fillPath(endpoint.path, params as Readonly<Record<string, string | number>> | undefined),
        responseType: 'arraybuffer',
        signal: AbortSignal.timeout(this.#timeoutMs),
        headers: { authorization: `Bearer ${token}`, accept: 'image/*' }
      })
      const type = String(response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
      if (!imageTypes.has(type)) return null
      return `data:${type};base64,${Buffer.from(response.data).toString('base64')}`
    } catch (error) {
      const deskError = toDeskError(error)
      if (deskError.code === 'NOT_FOUND') return null
      throw deskError
    }
  }

  async #call<S extends z.ZodType>(schema: S, config: AxiosRequestConfig, token?: string): Promise<z.output<S>> {
    const data = await this.#send(config, token)
    const parsed = schema.safeParse(data)
    if (!parsed.success) throw toDeskError(parsed.error)
    return parsed.data
  }

  async #send(config: AxiosRequestConfig, token?: string): Promise<unknown> {
    try {
      const response = await this.#http.request({
        ...config,
        // axios' timeout covers a silent socket; the signal also bounds a server that trickles bytes.
        signal: AbortSignal.timeout(this.#timeoutMs),
        headers: { ...(config.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) }
      })
      return response.data
    } catch (error) {
      throw toDeskError(error)
    }
  }
}
