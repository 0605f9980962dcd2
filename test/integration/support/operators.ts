import { sql } from 'kysely'
import { expect } from 'vitest'
import type { ApiResponse, RequestOptions, TestPortal } from './portal'
import { testPassword } from './portal'

/** Seeded operators (see src/server/db/seed/people.ts): every account has the test password. */
export const seededOperators = {
  administrator: 'admin',
  support: 'support',
  /** A second administrator and a second support agent, for "another internal user". */
  otherAdministrator: 't.becker',
  otherSupport: 'm.garcia'
} as const

export type OperatorRoleName = 'administrator' | 'support'

export interface OperatorCallOptions extends Omit<RequestOptions, 'token'> {
  /** X-Ticket-Ref. */
  ticket?: string
  /** X-Reason (sent percent-encoded, as the desk does). */
  reason?: string
}

/** A signed-in operator that sends its token (and ticket/reason headers) with every call. */
export interface OperatorClient {
  token: string
  login: string
  id: number
  request(method: string, path: string, options?: OperatorCallOptions): Promise<ApiResponse>
  get(path: string, options?: OperatorCallOptions): Promise<ApiResponse>
  post(path: string, json?: unknown, options?: OperatorCallOptions): Promise<ApiResponse>
  patch(path: string, json?: unknown, options?: OperatorCallOptions): Promise<ApiResponse>
  delete(path: string, json?: unknown, options?: OperatorCallOptions): Promise<ApiResponse>
  /** POST /auth/reauth with the right password; fails the test if refused. */
  reauth(): Promise<void>
}

/** Signs in as the seeded administrator or support agent (or any login) and returns a client. */
export async function signInAs(portal: TestPortal, who: OperatorRoleName | string): Promise<OperatorClient> {
  const login = who === 'administrator' ? seededOperators.administrator : who === 'support' ? seededOperators.support : who
  const response = await portal.request('POST', '/api/v1/auth/login', { json: { login, password: testPassword } })
  if (response.status !== 200) throw new Error(`sign-in as ${login} failed: ${response.status} ${response.text}`)
  const { token, operator } = response.body as { token: string; operator: { id: number } }

  const request = (method: string, path: string, options: OperatorCallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.ticket !== undefined) headers['x-ticket-ref'] = options.ticket
    if (options.reason !== undefined) headers['x-reason'] = encodeURIComponent(options.reason)
    const { ticket: _ticket, reason: _reason, ...rest } = options
    return portal.request(method, path, { ...rest, headers, token })
  }
  const withJson = (method: string) => (path: string, json?: unknown, options: OperatorCallOptions = {}) =>
    request(method, path, json === undefined ? options : { ...options, json })

  return {
    token,
    login,
    id: operator.id,
    request,
    get: (path, options) => request('GET', path, options),
    post: withJson('POST'),
    patch: withJson('PATCH'),
    delete: withJson('DELETE'),
    async reauth() {
      const answer = await request('POST', '/api/v1/auth/reauth', { json: { password: testPassword } })
      if (answer.status !== 200) throw new Error(`re-authentication of ${login} failed: ${answer.status} ${answer.text}`)
    }
  }
}

/** Tables whose content "bad input leaves data untouched" compares. */
export const watchedTables = [
  'users',
  'companies',
  'websites',
  'sessions',
  'passkeys',
  'totp',
  'api_keys',
  'payment_methods',
  'reset_tokens',
  'blocklist',
  'documents',
  'audit_log',
  'outbox',
  'email_changes'
] as const

/**
 * A fingerprint of every row of the watched tables: row counts and an md5 over the rows' text, in id
 * order. Two equal fingerprints mean nothing was written. Meant for test-sized databases (a few
 * hundred users). `sessions.last_seen_at` is left out: an authenticated read may touch it.
 */
export async function databaseFingerprint(portal: TestPortal, tables: readonly string[] = watchedTables): Promise<Record<string, string>> {
  const db = portal.server.database.db
  const result: Record<string, string> = {}
  for (const table of tables) {
    const rowText =
      table === 'sessions'
        ? sql`(t.id, t.token_hash, t.user_id, t.audience, t.created_at, t.expires_at, t.ip, t.user_agent, t.revoked_at, t.reauth_at)::text`
        : sql`t::text`
    const order = table === 'totp' ? sql`t.user_id` : sql`t.id`
    const { rows } = await sql<{ n: string; digest: string | null }>`select count(*)::text as n,
      md5(string_agg(${rowText}, '|' order by ${order})) as digest from ${sql.table(table)} t`.execute(db)
    const row = rows[0]
    result[table] = `${row?.n ?? 0}:${row?.digest ?? ''}`
  }
  return result
}

/** Runs `action` and asserts that no watched table changed; returns what the action returned. */
export async function expectNothingChanged<T>(portal: TestPortal, action: () => Promise<T>, tables: readonly string[] = watchedTables): Promise<T> {
  const before = await databaseFingerprint(portal, tables)
  const result = await action()
  expect(await databaseFingerprint(portal, tables)).toEqual(before)
  return result
}

/** One user row as the database holds it, for before/after comparisons of a single account. */
export async function userRow(portal: TestPortal, id: number): Promise<Record<string, unknown> | undefined> {
  return portal.server.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function auditCount(portal: TestPortal, filter: { targetUserId?: number; action?: string } = {}): Promise<number> {
  let query = portal.server.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n'))
  if (filter.targetUserId !== undefined) query = query.where('target_user_id', '=', filter.targetUserId)
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/** The first seeded user matching the kind (and activity), in id order. */
export async function firstUser(portal: TestPortal, kind: 'portal' | 'internal', options: { active?: boolean; withEmail?: boolean } = {}) {
  let query = portal.server.database.db.selectFrom('users').selectAll().where('kind', '=', kind).where('login', 'not in', ['admin', 'support'])
  if (options.active !== undefined) query = query.where('active', '=', options.active)
  if (options.withEmail) query = query.where('email', 'is not', null)
  return query.orderBy('id').limit(1).executeTakeFirstOrThrow()
}

/** Asserts the error shape and code of a refusal. */
export function expectRefusal(response: ApiResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status)
  expect((response.body as { error?: { code?: string } } | undefined)?.error?.code, response.text).toBe(code)
}

