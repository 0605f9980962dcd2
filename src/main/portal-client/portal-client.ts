import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import type { z } from 'zod'
import { apiPaths } from '../../shared/api'
import { auditPage, type AuditPage, type ParsedAuditListQuery } from '../../shared/audit'
import { health, loginResponse, operator, type Health, type LoginRequest, type LoginResponse, type Operator } from '../../shared/auth'
import { paymentMethodList, securityPaths, signInList, type PaymentMethodList, type SignInList } from '../../shared/security'
import { userDetail, userListPage, type ParsedUserListQuery, type UserDetail, type UserListPage } from '../../shared/users'
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

export interface PortalClientOptions {
  baseUrl: string
  /** Per request, from first byte to last; a hung server becomes UNREACHABLE after this. */
  timeoutMs?: number
}

export const defaultPortalTimeoutMs = 10_000

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
    return this.#call(health, { method: 'GET', url: apiPaths.health })
  }

  login(credentials: LoginRequest): Promise<LoginResponse> {
    return this.#call(loginResponse, { method: 'POST', url: apiPaths.login, data: credentials })
  }

  async logout(token: string): Promise<void> {
    await this.#send({ method: 'POST', url: apiPaths.logout, data: {} }, token)
  }

  me(token: string): Promise<Operator> {
    return this.#call(operator, { method: 'GET', url: apiPaths.me }, token)
  }

  listUsers(token: string, query: ParsedUserListQuery): Promise<UserListPage> {
    const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''))
    return this.#call(userListPage, { method: 'GET', url: apiPaths.users, params }, token)
  }

  getUser(token: string, id: number): Promise<UserDetail> {
    return this.#call(userDetail, { method: 'GET', url: apiPaths.user(id) }, token)
  }

  listPaymentMethods(token: string, userId: number): Promise<PaymentMethodList> {
    return this.#call(paymentMethodList, { method: 'GET', url: securityPaths.paymentMethods(userId) }, token)
  }

  listSignIns(token: string, userId: number): Promise<SignInList> {
    return this.#call(signInList, { method: 'GET', url: securityPaths.signIns(userId) }, token)
  }

  listAudit(token: string, query: ParsedAuditListQuery): Promise<AuditPage> {
    const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''))
    return this.#call(auditPage, { method: 'GET', url: apiPaths.audit, params }, token)
  }

  /**
   * Any operator call of the API: the answer is parsed with `schema`; `audit` becomes the
   * `X-Ticket-Ref` and `X-Reason` headers that the server copies into the audit row.
   */
  request<S extends z.ZodType>(schema: S, config: AxiosRequestConfig, token: string, audit?: AuditContext): Promise<z.output<S>> {
    return this.#call(schema, { ...config, headers: { ...(config.headers as Record<string, string> | undefined), ...auditHeaders(audit) } }, token)
  }

  /** An image the API serves to operators only (an avatar), as a data: URL; null when there is none. */
  async image(url: string, token: string): Promise<string | null> {
    try {
      const response = await this.#http.request<ArrayBuffer>({
        method: 'GET',
        url,
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
