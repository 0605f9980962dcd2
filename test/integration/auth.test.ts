import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { loginResponse, operator } from '../../src/shared/auth'
import { backends } from './support/backends'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'

describe.each(backends)('auth and health on $name', (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (backend.enabled) portal = await startTestPortal(backend, { portalUsers: 60, logLevel: 'trace' })
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('reports health with the database kind and version', async () => {
    const response = await portal.request('GET', '/api/v1/health')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok', database: backend.name, version: '0.1.0' })
  })

  it.runIf(backend.enabled)('signs the administrator in, case-insensitively, and answers me', async () => {
    const response = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'ADMIN', password: testPassword } })
    expect(response.status).toBe(200)
    const body = loginResponse.parse(response.body)
    expect(body.operator).toMatchObject({ login: 'admin', name: 'Portal Administrator', role: 'administrator' })
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Date(body.expiresAt).getTime()).toBe(portal.clock.now().getTime() + 12 * 3_600_000)

    const me = await portal.request('GET', '/api/v1/auth/me', { token: body.token })
    expect(me.status).toBe(200)
    expect(operator.parse(me.body)).toEqual(body.operator)
  })

  it.runIf(backend.enabled)('signs the support agent in', async () => {
    const response = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'support', password: testPassword } })
    expect(response.status).toBe(200)
    expect(loginResponse.parse(response.body).operator.role).toBe('support')
  })

  it.runIf(backend.enabled)('stores only the hash of the token', async () => {
    const token = await portal.signIn()
    const rows = await portal.server.database.db.selectFrom('sessions').select(['token_hash']).execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.token_hash.length).toBe(32)
      expect(row.token_hash.toString('base64url')).not.toBe(token)
      expect(row.token_hash.toString('utf8')).not.toContain(token)
    }
  })

  it.runIf(backend.enabled)('refuses every other sign-in with one identical 401 body', async () => {
    const portalUser = await portal.server.database.db
      .selectFrom('users')
      .select('login')
      .where('kind', '=', 'portal')
      .where('active', '=', true)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const attempts = [
      { login: 'nobody-here', password: testPassword }, // unknown login
      { login: 'admin', password: 'wrong password' }, // wrong password
      { login: portalUser.login, password: testPassword }, // portal user
      { login: 'j.okafor', password: testPassword }, // internal, role user
      { login: 'r.oldfield', password: testPassword } // archived support agent
    ]
    const bodies: string[] = []
    for (const attempt of attempts) {
      const response = await portal.request('POST', '/api/v1/auth/login', { json: attempt })
      expect(response.status, attempt.login).toBe(401)
      expect(apiErrorBody.parse(response.body).error.code).toBe('INVALID_CREDENTIALS')
      bodies.push(response.text)
    }
    expect(new Set(bodies).size).toBe(1)
  })

  it.runIf(backend.enabled)('rejects a malformed login body with field details', async () => {
    const response = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin' } })
    expect(response.status).toBe(400)
    const body = apiErrorBody.parse(response.body)
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'password' })])
  })

  it.runIf(backend.enabled)('logs out: the token stops working', async () => {
    const token = await portal.signIn()
    const out = await portal.request('POST', '/api/v1/auth/logout', { token })
    expect(out.status).toBe(204)
    expect(out.text).toBe('')
    const me = await portal.request('GET', '/api/v1/auth/me', { token })
    expect(me.status).toBe(401)
    expect(apiErrorBody.parse(me.body).error.code).toBe('UNAUTHORIZED')
    const again = await portal.request('POST', '/api/v1/auth/logout', { token })
    expect(again.status).toBe(401)
  })

  it.runIf(backend.enabled)('answers 401 UNAUTHORIZED without a token, with a malformed one, or an unknown one', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer' }, { authorization: 'Basic YWRtaW46eA==' }, { authorization: `Bearer ${'A'.repeat(43)}` }]) {
      const response = await portal.request('GET', '/api/v1/users', { headers })
      expect(response.status).toBe(401)
      expect(apiErrorBody.parse(response.body).error.code).toBe('UNAUTHORIZED')
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
    }
  })

  it.runIf(backend.enabled)('ends a session after 30 idle minutes', async () => {
    const token = await portal.signIn()
    portal.clock.advance(29 * 60_000)
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(200)
    portal.clock.advance(29 * 60_000)
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(200)
    portal.clock.advance(30 * 60_000)
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(401)
  })

  it.runIf(backend.enabled)('ends a busy session 12 hours after sign-in', async () => {
    const token = await portal.signIn()
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      portal.clock.advance(20 * 60_000)
      expect((await portal.request('GET', '/api/v1/auth/me', { token })).status, `${minutes} min`).toBe(200)
    }
    portal.clock.advance(20 * 60_000)
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(401)
  })

  it.runIf(backend.enabled)('ends the sessions of an operator who is archived', async () => {
    const token = await portal.signIn('t.becker')
    await portal.server.database.db.updateTable('users').set({ active: false }).where('login', '=', 't.becker').execute()
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(401)
  })

  it.runIf(backend.enabled)('never writes a password or token into the log', async () => {
    const secret = 'pässword-that-must-not-leak-9c1f'
    await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin', password: secret } })
    await portal.request('POST', '/api/v1/auth/login', { rawBody: `{"login":"admin","password":"${secret}"`, contentType: 'application/json' })
    const token = await portal.signIn()
    await portal.request('GET', '/api/v1/auth/me', { token })
    const log = portal.logLines.join('')
    expect(portal.logLines.length).toBeGreaterThan(10)
    expect(log).toContain('/api/v1/auth/login')
    expect(log).not.toContain(secret)
    expect(log).not.toContain(testPassword)
    expect(log).not.toContain(token)
  })
})
