import { expect } from '@playwright/test'
import type { UserListItem } from '../../../src/shared/users'
import type { BrowserHost } from '../../browser-host/host'

export interface ApiAnswer<T = unknown> {
  status: number
  body: T
}

/**
 * Talks to the embedded portal server of a browser host over real HTTP, beside the desk: e2e tests
 * check through it what an action changed on the server (a session that no longer works, an email
 * in the outbox, a block-list entry), not only what the desk's toast says.
 */
export class PortalApi {
  constructor(
    readonly baseUrl: string,
    /**
     * Seeded users a test has taken as its own to change (see `take`): one set per host, so that on a
     * worker's shared host each test acts on users no earlier test changed.
     */
    readonly taken: Set<number> = new Set()
  ) {}

  static of(host: BrowserHost, taken?: Set<number>): PortalApi {
    expect(host.portalUrl, 'the browser host knows its portal server').toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    return new PortalApi(host.portalUrl, taken)
  }

  /** The first of `candidates` (after skipping `skip` of them) that no test on this host has taken yet, now taken. */
  take<T extends { id: number }>(candidates: readonly T[], skip = 0): T | undefined {
    const user = candidates.filter((candidate) => !this.taken.has(candidate.id))[skip]
    if (user) this.taken.add(user.id)
    return user
  }

  /**
   * The first portal user the server lists for `filters` (the first 200) that `accept`s and that no test on
   * this host has taken yet, now taken as this test's own; `token` is an operator's.
   */
  async takePortalUser(token: string, filters: Record<string, string> = {}, accept: (user: UserListItem) => boolean = () => true): Promise<UserListItem> {
    const query = new URLSearchParams({ kind: 'portal', limit: '200', ...filters })
    const answer = await this.call<{ items: UserListItem[] }>('GET', `/api/v1/users?${query}`, { token })
    expect(answer.status).toBe(200)
    const user = this.take(answer.body.items.filter(accept))
    if (!user) throw new Error(`The seed has no portal user left with ${query.toString()}`)
    return user
  }

  async call<T = unknown>(method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.json === undefined ? {} : { 'content-type': 'application/json' })
      },
      body: options.json === undefined ? undefined : JSON.stringify(options.json)
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T }
  }

  /** An operator's bearer token (admin or support), from a sign-in of its own. */
  async operatorToken(login: string, password: string): Promise<string> {
    const answer = await this.call<{ token: string }>('POST', '/api/v1/auth/login', { json: { login, password } })
    expect(answer.status, `operator ${login} signs in`).toBe(200)
    return answer.body.token
  }

  /** A portal user's bearer token, as the portal's own sign-in gives it. */
  async portalToken(login: string, password: string): Promise<string> {
    const answer = await this.call<{ token: string }>('POST', '/api/v1/portal/login', { json: { login, password } })
    expect(answer.status, `portal user ${login} signs in`).toBe(200)
    return answer.body.token
  }

  /**
   * Whether a temporary password ("must change at next sign-in") signs in, and only to a session that
   * may choose a new password: the answer says so, and GET /me is 403 PASSWORD_CHANGE_REQUIRED.
   */
  async signsInOnlyToChangePassword(login: string, password: string): Promise<boolean> {
    const answer = await this.call<{ token: string; passwordChangeRequired?: boolean }>('POST', '/api/v1/portal/login', { json: { login, password } })
    if (answer.status !== 200 || answer.body.passwordChangeRequired !== true) return false
    const me = await this.call<{ error?: { code?: string } }>('GET', '/api/v1/me', { token: answer.body.token })
    return me.status === 403 && me.body.error?.code === 'PASSWORD_CHANGE_REQUIRED'
  }

  /** Whether a portal user's token is still accepted (GET /me). */
  async portalTokenWorks(token: string): Promise<boolean> {
    return (await this.call('GET', '/api/v1/me', { token })).status === 200
  }
}

/** For `takePortalUser`: a user the desk can mail. */
export const hasEmail = (user: UserListItem): boolean => user.email !== null
