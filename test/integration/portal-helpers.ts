import { expect } from 'vitest'
import { portalLoginResponse, type MeProfile } from '../../src/shared/portal'
import type { ApiResponse, RequestOptions, TestPortal } from './support/portal'
import { testPassword } from './support/portal'

/** Shared by the portal*, me* and sign-in-protection* suites: portal users and their clients. */

export interface PortalUserRow {
  id: number
  login: string
  email: string | null
  phone: string | null
  company_id: number | null
  website_id: number | null
  version: number
}

/**
 * Seeded portal users that can sign in with the test password (active, no 2FA, not locked, no reset
 * required, with a website), in id order, skipping `skip` of them: each test takes its own.
 */
export async function signInablePortalUsers(portal: TestPortal, count: number, options: { withDocuments?: boolean } = {}): Promise<PortalUserRow[]> {
  const db = portal.server.database.db
  let query = db
    .selectFrom('users as u')
    .leftJoin('totp as t', 't.user_id', 'u.id')
    .select(['u.id', 'u.login', 'u.email', 'u.phone', 'u.company_id', 'u.website_id', 'u.version'])
    .where('u.kind', '=', 'portal')
    .where('u.active', '=', true)
    .where('u.reset_required', '=', false)
    .where('u.locked_until', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('u.website_id', 'is not', null)
    .where('u.email', 'is not', null)
    .where('t.user_id', 'is', null)
  if (options.withDocuments !== undefined) {
    const withDocs = db.selectFrom('documents').select('company_id')
    query = options.withDocuments ? query.where('u.company_id', 'in', withDocs) : query.where('u.company_id', 'not in', withDocs)
  }
  return query.orderBy('u.id').limit(count).execute()
}

export interface PortalClient {
  token: string
  userId: number
  login: string
  request(method: string, path: string, options?: Omit<RequestOptions, 'token'>): Promise<ApiResponse>
  get(path: string): Promise<ApiResponse>
  post(path: string, json?: unknown): Promise<ApiResponse>
  patch(path: string, json?: unknown): Promise<ApiResponse>
  delete(path: string, json?: unknown): Promise<ApiResponse>
}

export async function portalLogin(portal: TestPortal, login: string, password = testPassword, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return portal.request('POST', '/api/v1/portal/login', { json: { login, password, ...extra }, headers })
}

/** Signs a portal user in (failing the test if refused) and returns a client bound to the session. */
export async function signInPortalUser(portal: TestPortal, login: string, password = testPassword): Promise<PortalClient> {
  const response = await portalLogin(portal, login, password)
  expect(response.status, response.text).toBe(200)
  const { token, user } = portalLoginResponse.parse(response.body)
  const request = (method: string, path: string, options: Omit<RequestOptions, 'token'> = {}) => portal.request(method, path, { ...options, token })
  const withJson = (method: string) => (path: string, json?: unknown) => request(method, path, json === undefined ? {} : { json })
  return { token, userId: user.id, login: user.login, request, get: (path) => request('GET', path), post: withJson('POST'), patch: withJson('PATCH'), delete: withJson('DELETE') }
}

export async function attempts(portal: TestPortal, userId: number): Promise<{ success: boolean; reason: string | null; audience: string }[]> {
  return portal.server.database.db.selectFrom('sign_in_attempts').select(['success', 'reason', 'audience']).where('user_id', '=', userId).orderBy('id').execute()
}

export async function auditActions(portal: TestPortal, userId: number): Promise<{ action: string; actor_role: string; actor_id: number | null }[]> {
  return portal.server.database.db.selectFrom('audit_log').select(['action', 'actor_role', 'actor_id']).where('target_user_id', '=', userId).orderBy('id').execute()
}

/** The /me contact form as the portal sends it: the profile's values (with defaults for empty ones) and the overrides. */
export function contactForm(profile: MeProfile, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: profile.version,
    name: profile.name,
    email: profile.email ?? 'someone@example.com',
    phone: profile.phone ?? '+49 30 1234567',
    street: profile.street ?? 'Hauptstraße 1',
    city: profile.city ?? 'Berlin',
    country: profile.country ?? 'DE',
    ...overrides
  }
}
