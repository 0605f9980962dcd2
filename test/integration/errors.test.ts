import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { createRandom, type Random } from '../../src/server/db/seed/random'
import { backends } from './support/backends'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { rawHttpClient } from './support/raw-http'

const garbageStrings = [
  '',
  ' ',
  '%',
  '%25',
  '_',
  '\\',
  "'; drop table users; --",
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF%FE',
  '王芳',
  '😀',
  '-1',
  '0',
  '1e309',
  'NaN',
  '0x10',
  'true',
  'null',
  '{"a":1}',
  '[1,2]',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '%20'.repeat(300)
]

/**
 * Routes with ids in the path, in OpenAPI form: one entry per route. The fuzz test sends every
 * garbage value in each placeholder; the OpenAPI test checks that each is documented.
 */
const fuzzedRoutes: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string }> = [
  { method: 'POST', path: '/api/v1/users/{id}/2fa/invite' },
  { method: 'DELETE', path: '/api/v1/users/{id}/2fa' },
  { method: 'GET', path: '/api/v1/users/{id}/passkeys' },
  { method: 'DELETE', path: '/api/v1/users/{id}/passkeys/{pid}' },
  { method: 'GET', path: '/api/v1/users/{id}/sessions' },
  { method: 'DELETE', path: '/api/v1/users/{id}/sessions' },
  { method: 'DELETE', path: '/api/v1/users/{id}/sessions/{sid}' },
  { method: 'GET', path: '/api/v1/users/{id}/api-keys' },
  { method: 'DELETE', path: '/api/v1/users/{id}/api-keys/{kid}' },
  { method: 'POST', path: '/api/v1/users/{id}/unlock' },
  { method: 'GET', path: '/api/v1/users/{id}/sign-ins' },
  { method: 'GET', path: '/api/v1/users/{id}/payment-methods' },
  { method: 'DELETE', path: '/api/v1/users/{id}/payment-methods/{pmid}' },
  { method: 'POST', path: '/api/v1/users' },
  { method: 'PATCH', path: '/api/v1/users/{id}' },
  { method: 'DELETE', path: '/api/v1/users/{id}' },
  { method: 'POST', path: '/api/v1/users/{id}/archive' },
  { method: 'POST', path: '/api/v1/users/{id}/restore' },
  { method: 'GET', path: '/api/v1/users/{id}/avatar' },
  { method: 'PUT', path: '/api/v1/users/{id}/avatar' },
  { method: 'DELETE', path: '/api/v1/users/{id}/avatar' },
  { method: 'GET', path: '/api/v1/companies' },
  { method: 'GET', path: '/api/v1/companies/{id}' },
  { method: 'GET', path: '/api/v1/websites' },
  { method: 'POST', path: '/api/v1/users/{id}/password' },
  { method: 'POST', path: '/api/v1/users/{id}/reset-link' },
  { method: 'GET', path: '/api/v1/users/{id}/reset-link' },
  { method: 'DELETE', path: '/api/v1/users/{id}/reset-link' },
  { method: 'POST', path: '/api/v1/users/{id}/require-reset' },
  { method: 'POST', path: '/api/v1/users/{id}/portal-access' },
  { method: 'GET', path: '/api/v1/outbox' },
  { method: 'GET', path: '/reset-password' },
  { method: 'POST', path: '/reset-password' },
  { method: 'POST', path: '/api/v1/portal/login' },
  { method: 'POST', path: '/api/v1/portal/passkeys/options' },
  { method: 'POST', path: '/api/v1/portal/passkeys/login' },
  { method: 'POST', path: '/api/v1/me/logout' },
  { method: 'GET', path: '/api/v1/me' },
  { method: 'PATCH', path: '/api/v1/me' },
  { method: 'DELETE', path: '/api/v1/me' },
  { method: 'POST', path: '/api/v1/me/password' },
  { method: 'POST', path: '/api/v1/me/sign-out-others' },
  { method: 'POST', path: '/api/v1/me/2fa/setup' },
  { method: 'POST', path: '/api/v1/me/2fa/verify' },
  { method: 'DELETE', path: '/api/v1/me/2fa' },
  { method: 'GET', path: '/api/v1/me/passkeys' },
  { method: 'POST', path: '/api/v1/me/passkeys' },
  { method: 'POST', path: '/api/v1/me/passkeys/options' },
  { method: 'PATCH', path: '/api/v1/me/passkeys/{id}' },
  { method: 'DELETE', path: '/api/v1/me/passkeys/{id}' },
  { method: 'GET', path: '/api/v1/me/payment-methods' },
  { method: 'POST', path: '/api/v1/me/payment-methods' },
  { method: 'DELETE', path: '/api/v1/me/payment-methods/{id}' },
  { method: 'GET', path: '/api/v1/me/api-keys' },
  { method: 'POST', path: '/api/v1/me/api-keys' },
  { method: 'DELETE', path: '/api/v1/me/api-keys/{id}' }
]

/** The route's path with every placeholder set to `value`, or only the ones after the user id (which is `5`). */
function fuzzedPath(path: string, value: string, keepUser: boolean): string {
  let first = true
  return path.replace(/\{[a-z]+\}/g, () => {
    const keep = keepUser && first
    first = false
    return keep ? '5' : value
  })
}

const garbageJson: unknown[] = [
  null,
  [],
  'admin',
  12,
  true,
  {},
  { login: null, password: null },
  { login: 123, password: ['a'] },
  { login: 'admin', password: '' },
  { login: '', password: 'x' },
  { login: 'a\u0000b', password: 'x' },
  { login: 'admin', password: 'x'.repeat(2000) },
  { login: 'x'.repeat(300), password: testPassword },
  { login: { $ne: null }, password: { $ne: null } },
  { login: 'admin', password: testPassword, extra: { nested: [1, 2, { deep: true }] } }
]

const garbageBodies = [
  '{',
  '{"login":',
  'not json',
  '{"__proto__":{"admin":true},"login":"admin","password":"x"}',
  '{"constructor":{"prototype":{"x":1}}}',
  '[' .repeat(5000) + ']'.repeat(5000),
  '"\\ud800"',
  '{"login":"admin","password":"x"}garbage'
]

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1'
]

function pickQuery(random: Random, validCursor: string): string {
  const keys = ['kind', 'q', 'sort', 'limit', 'cursor', 'unknown', 'kind']
  const values = [...garbageStrings, 'portal', 'internal', 'all', 'name', '-lastSignInAt', '200', '201', validCursor, validCursor.slice(0, -2), `${validCursor}x`]
  const parts: string[] = []
  const count = random.int(0, 4)
  for (let i = 0; i < count; i++) parts.push(`${random.pick(keys)}=${random.pick(values)}`)
  return parts.join('&')
}

async function send(portal: TestPortal, random: Random, token: string, validCursor: string): Promise<{ label: string; response: ApiResponse }> {
  const auth = random.pick([token, token, '', 'garbage', 'A'.repeat(43)])
  const headers: Record<string, string> = auth ? { authorization: random.chance(0.8) ? `Bearer ${auth}` : auth } : {}
  const target = random.int(0, 6)
  switch (target) {
    case 0: {
      const path = `/api/v1/users?${pickQuery(random, validCursor)}`
      return { label: `GET ${path.slice(0, 120)}`, response: await portal.request('GET', path, { headers }) }
    }
    case 1: {
      const id = random.pick([...garbageStrings, '1', '5', '999999', '2147483648', '%2e%2e', '..%2f..', '1;drop'])
      const path = `/api/v1/users/${id}`
      return { label: `GET ${path.slice(0, 120)}`, response: await portal.request('GET', path, { headers }) }
    }
    case 2: {
      if (random.chance(0.5)) {
        const json = random.pick(garbageJson)
        return { label: `POST login ${JSON.stringify(json).slice(0, 80)}`, response: await portal.request('POST', '/api/v1/auth/login', { json, headers }) }
      }
      const rawBody = random.pick(garbageBodies)
      const contentType = random.pick(contentTypes)
      return {
        label: `POST login [${contentType}] ${rawBody.slice(0, 60)}`,
        response: await portal.request('POST', '/api/v1/auth/login', { rawBody, contentType, headers })
      }
    }
    case 3: {
      const path = random.pick(['/api/v1/auth/logout', '/api/v1/auth/me'])
      const method = random.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])
      const withBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.5)
      return {
        label: `${method} ${path}`,
        response: await portal.request(method, path, { headers, ...(withBody ? { rawBody: random.pick(garbageBodies), contentType: random.pick(contentTypes) } : {}) })
      }
    }
    case 4: {
      const path = `/api/v1/${random.pick(garbageStrings).slice(0, 50)}/${random.pick(['users', 'auth', 'x'])}`
      return { label: `GET ${path}`, response: await portal.request(random.pick(['GET', 'POST', 'DELETE']), path, { headers }) }
    }
    case 5: {
      const body = JSON.stringify({ login: 'admin', password: 'x'.repeat(random.pick([70_000, 200_000])) })
      return { label: 'POST login (too large)', response: await portal.request('POST', '/api/v1/auth/login', { rawBody: body, headers }) }
    }
    default: {
      const path = `/api/v1/health?${pickQuery(random, validCursor)}`
      return { label: `GET ${path.slice(0, 120)}`, response: await portal.request(random.pick(['GET', 'HEAD', 'POST']), path, { headers }) }
    }
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

describe.each(backends)('errors on $name', (backend) => {
  let portal: TestPortal
  let token: string

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 80 })
    token = await portal.signIn()
  })
  afterAll(async () => {
    await portal?.close()
  })

  const expectError = (response: ApiResponse, status: number, code: string) => {
    expect(response.status, response.text).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(apiErrorBody.parse(response.body).error.code).toBe(code)
  }

  it.runIf(backend.enabled)('answers an unknown route with 404 NOT_FOUND', async () => {
    expectError(await portal.request('GET', '/api/v1/nothing-here'), 404, 'NOT_FOUND')
    expectError(await portal.request('DELETE', '/api/v1/users', { token }), 404, 'NOT_FOUND')
    expectError(await portal.request('GET', '/'), 404, 'NOT_FOUND')
  })

  it.runIf(backend.enabled)('answers malformed JSON with 400 VALIDATION', async () => {
    const malformed = await portal.request('POST', '/api/v1/auth/login', { rawBody: '{"login": "admin", ' })
    expectError(malformed, 400, 'VALIDATION')
    expect(apiErrorBody.parse(malformed.body).error.details).toEqual([{ path: 'body', message: 'The request body is not valid JSON.' }])
    expectError(await portal.request('POST', '/api/v1/auth/login', { rawBody: '' }), 400, 'VALIDATION')
  })

  it.runIf(backend.enabled)('answers a body that is too large with 413 and one of another type with 415', async () => {
    const big = JSON.stringify({ login: 'admin', password: 'x'.repeat(100_000) })
    expectError(await portal.request('POST', '/api/v1/auth/login', { rawBody: big }), 413, 'VALIDATION')
    expectError(await portal.request('POST', '/api/v1/auth/login', { rawBody: 'login=admin', contentType: 'application/x-www-form-urlencoded' }), 415, 'VALIDATION')
    expectError(await portal.request('POST', '/api/v1/auth/login', { rawBody: 'admin', contentType: 'text/plain' }), 415, 'VALIDATION')
  })

  it.runIf(backend.enabled)('answers a malformed address with 400', async () => {
    expectError(await portal.request('GET', '/api/v1/users/%E0%A4%A', { token }), 400, 'VALIDATION')
  })

  it.runIf(backend.enabled)('answers headers too large for Node with 431 in the error shape, and closes that connection only', async () => {
    const client = rawHttpClient(portal.baseUrl)
    try {
      const oversized = await client.send({ method: 'GET', target: '/api/v1/health', headers: { 'x-padding': 'p'.repeat(20_000) }, body: null })
      expect(oversized.status).toBe(431)
      expect(oversized.contentType).toMatch(/^application\/json/)
      expect(apiErrorBody.parse(JSON.parse(oversized.text)).error).toEqual({
        code: 'VALIDATION',
        message: 'The request headers are too large.',
        details: [{ path: 'request', message: 'The request headers are too large.' }]
      })
      // The next request on the same keep-alive client gets a fresh connection and a normal answer.
      expect((await client.send({ method: 'GET', target: '/api/v1/health', headers: {}, body: null })).status).toBe(200)
    } finally {
      client.close()
    }
  })

  it.runIf(backend.enabled)('serves the OpenAPI description of every route', async () => {
    const json = await portal.request('GET', '/api/docs/json')
    expect(json.status).toBe(200)
    const paths = Object.keys((json.body as { paths: Record<string, unknown> }).paths)
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me', '/api/v1/auth/reauth', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/audit'])
    )
    const documented = (json.body as { paths: Record<string, Record<string, unknown>> }).paths
    for (const route of fuzzedRoutes) expect(documented[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined()
    const ui = await fetch(`${portal.baseUrl}/api/docs`)
    expect(ui.status).toBe(200)
    expect(await ui.text()).toContain('<html')
  })

  it.runIf(backend.enabled)('never answers 500, whatever it is sent', async () => {
    const random = createRandom(`fuzz-${backend.name}`)
    const first = await portal.request('GET', '/api/v1/users?limit=3&sort=-email', { token })
    const validCursor = (first.body as { nextCursor: string }).nextCursor
    const failures: string[] = []
    const check = (label: string, response: ApiResponse) => {
      if (response.status >= 500) failures.push(`${response.status} ${label}: ${response.text.slice(0, 200)}`)
      else if (response.status >= 400 && response.text !== '' && !apiErrorBody.safeParse(response.body).success) {
        failures.push(`${response.status} ${label}: not the error shape: ${response.text.slice(0, 200)}`)
      }
    }
    // Every garbage value in every place, then random combinations.
    for (const value of garbageStrings) {
      const decoded = safeDecode(value)
      for (const key of ['kind', 'q', 'sort', 'limit', 'cursor']) {
        check(`GET users ${key}=${value.slice(0, 40)}`, await portal.request('GET', `/api/v1/users?${key}=${value}`, { token }))
      }
      check(`GET users/${value.slice(0, 40)}`, await portal.request('GET', `/api/v1/users/${value}`, { token }))
      for (const key of ['userId', 'actorId', 'action', 'from', 'to', 'limit', 'cursor']) {
        check(`GET audit ${key}=${value.slice(0, 40)}`, await portal.request('GET', `/api/v1/audit?${key}=${value}`, { token }))
      }
      check(`reauth ${value.slice(0, 40)}`, await portal.request('POST', '/api/v1/auth/reauth', { token, json: { password: decoded } }))
      // fetch sends visible ASCII only in headers; the unit tests cover the rest.
      if (/^[\x20-\x7e]*$/.test(value)) {
        check(`ticket ${value.slice(0, 40)}`, await portal.request('GET', '/api/v1/audit', { token, headers: { 'x-ticket-ref': value, 'x-reason': value } }))
      }
      check(`login ${value.slice(0, 40)}`, await portal.request('POST', '/api/v1/auth/login', { json: { login: decoded, password: decoded } }))
      for (const route of fuzzedRoutes) {
        for (const keepUser of route.path.indexOf('{') === route.path.lastIndexOf('{') ? [false] : [false, true]) {
          const path = fuzzedPath(route.path, value, keepUser)
          const json = route.method === 'GET' ? undefined : random.pick(garbageJson)
          check(`${route.method} ${path.slice(0, 120)}`, await portal.request(route.method, path, { token, ...(json === undefined ? {} : { json }) }))
        }
      }
    }
    for (const json of garbageJson) check(`login ${JSON.stringify(json).slice(0, 60)}`, await portal.request('POST', '/api/v1/auth/login', { json }))
    for (let i = 0; i < 400; i++) {
      const { label, response } = await send(portal, random, token, validCursor)
      check(label, response)
    }
    expect(failures).toEqual([])
    // The server still works afterwards.
    expect((await portal.request('GET', '/api/v1/users?limit=1', { token })).status).toBe(200)
  })
})
