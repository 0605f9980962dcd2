import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { createFixtureUser, idsOf, liveSessionIds, type FixtureUser } from './security-fixtures'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, type ApiResponse, type TestPortal } from './support/portal'

/** The security routes, with the ids of a real user's records for the paths that name one. */
interface SecurityRoute {
  method: 'GET' | 'POST' | 'DELETE'
  /** `{id}` is the user, `{sub}` the passkey, session, API key or payment method. */
  path: string
  sub?: 'passkeys' | 'api_keys' | 'payment_methods' | 'sessions'
}

const routes: SecurityRoute[] = [
  { method: 'POST', path: '/api/v1/users/{id}/2fa/invite' },
  { method: 'DELETE', path: '/api/v1/users/{id}/2fa' },
  { method: 'GET', path: '/api/v1/users/{id}/passkeys' },
  { method: 'DELETE', path: '/api/v1/users/{id}/passkeys/{sub}', sub: 'passkeys' },
  { method: 'GET', path: '/api/v1/users/{id}/sessions' },
  { method: 'DELETE', path: '/api/v1/users/{id}/sessions' },
  { method: 'DELETE', path: '/api/v1/users/{id}/sessions/{sub}', sub: 'sessions' },
  { method: 'GET', path: '/api/v1/users/{id}/api-keys' },
  { method: 'DELETE', path: '/api/v1/users/{id}/api-keys/{sub}', sub: 'api_keys' },
  { method: 'POST', path: '/api/v1/users/{id}/unlock' },
  { method: 'GET', path: '/api/v1/users/{id}/sign-ins' },
  { method: 'GET', path: '/api/v1/users/{id}/payment-methods' },
  { method: 'DELETE', path: '/api/v1/users/{id}/payment-methods/{sub}', sub: 'payment_methods' }
]

/** Ids that are not ids: each must be a 4xx (400 malformed, 404 no such user or record), never a 500. */
const malformedIds = [
  'abc',
  '0',
  '-1',
  '1.5',
  '1e3x',
  "1'%20or%20'1'='1",
  '1;drop%20table%20users',
  '%F0%9F%98%80',
  '%E7%8E%8B%E8%8A%B3',
  '%D9%85%D8%B1%D8%AD%D8%A8%D8%A7',
  '%00',
  '99999999999999999999',
  'x'.repeat(10_000)
]
const unknownIds = ['2147483647', '2147483648', '9007199254740991']

/** Bodies for actions that take none: anything in them is refused, not ignored. */
const badBodies: unknown[] = [
  { extra: true },
  { note: 'x'.repeat(10_000) },
  { name: '😀 مرحبا 王芳' },
  { reason: "'; drop table users; --" },
  [],
  'text',
  42
]
const badQueries = ['unknown=1', 'includeRevoked=maybe', `includeRevoked=${'x'.repeat(10_000)}`, 'includeRevoked=%F0%9F%98%80', "includeRevoked=true'--"]

describe.each(backends)('bad input to the security routes on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let user: FixtureUser
  const subIds: Record<NonNullable<SecurityRoute['sub']>, string> = { passkeys: '', api_keys: '', payment_methods: '', sessions: '' }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 20 })
    admin = await signInAs(portal, 'administrator')
    await admin.reauth()
    user = await createFixtureUser(portal, { twoFactor: true, sessions: 2, passkeys: 1, apiKeys: 1, paymentMethods: 1, lockedForMs: 600_000 })
    subIds.passkeys = String((await idsOf(portal, 'passkeys', user.id))[0])
    subIds.api_keys = String((await idsOf(portal, 'api_keys', user.id))[0])
    subIds.payment_methods = String((await idsOf(portal, 'payment_methods', user.id))[0])
    subIds.sessions = (await liveSessionIds(portal, user.id))[0] ?? ''
  })
  afterAll(async () => {
    await portal?.close()
  })

  const pathOf = (route: SecurityRoute, id: string, sub?: string) =>
    route.path.replace('{id}', id).replace('{sub}', sub ?? (route.sub ? subIds[route.sub] : ''))
  const send = (route: SecurityRoute, path: string, json?: unknown) => admin.request(route.method, path, json === undefined ? {} : { json })
  const expectClear4xx = (response: ApiResponse, label: string) => {
    expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
    expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBeLessThan(500)
    expect(apiErrorBody.safeParse(response.body).success, `${label}: ${response.text.slice(0, 200)}`).toBe(true)
  }

  it.runIf(backend.enabled)('answers malformed user ids with a clear 4xx and changes nothing', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes) {
        for (const id of malformedIds) expectClear4xx(await send(route, pathOf(route, id)), `${route.method} ${route.path} id=${id.slice(0, 20)}`)
      }
    })
    expectRefusal(await admin.get('/api/v1/users/abc/sessions'), 400, 'VALIDATION')
  })

  it.runIf(backend.enabled)('answers unknown user ids with 404 and changes nothing', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes) {
        for (const id of unknownIds) expectRefusal(await send(route, pathOf(route, id)), 404, 'NOT_FOUND')
      }
    })
  })

  it.runIf(backend.enabled)('answers malformed and unknown record ids with 400 and 404, and changes nothing', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes.filter((r) => r.sub)) {
        for (const sub of malformedIds) expectClear4xx(await send(route, pathOf(route, String(user.id), sub)), `${route.path} sub=${sub.slice(0, 20)}`)
        expectRefusal(await send(route, pathOf(route, String(user.id), 'abc')), 400, 'VALIDATION')
        expectRefusal(await send(route, pathOf(route, String(user.id), '2147483647')), 404, 'NOT_FOUND')
      }
      const sessions = routes.find((r) => r.sub === 'sessions') as SecurityRoute
      expectRefusal(await send(sessions, pathOf(sessions, String(user.id), '99999999999999999999')), 400, 'VALIDATION')
      expectRefusal(await send(sessions, pathOf(sessions, String(user.id), '9223372036854775807')), 404, 'NOT_FOUND')
    })
  })

  it.runIf(backend.enabled)('refuses any body on the actions that take none, and changes nothing', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes.filter((r) => r.method !== 'GET')) {
        for (const body of badBodies) expectRefusal(await send(route, pathOf(route, String(user.id)), body), 400, 'VALIDATION')
        const raw = await admin.request(route.method, pathOf(route, String(user.id)), { rawBody: '{"extra":', contentType: 'application/json' })
        expectRefusal(raw, 400, 'VALIDATION')
      }
    })
  })

  it.runIf(backend.enabled)('refuses unknown or malformed query parameters on the lists, and changes nothing', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes.filter((r) => r.method === 'GET')) {
        for (const query of badQueries) expectRefusal(await send(route, `${pathOf(route, String(user.id))}?${query}`), 400, 'VALIDATION')
      }
    })
  })

  it.runIf(backend.enabled)('refuses anonymous callers and bad tokens before reading anything', async () => {
    await expectNothingChanged(portal, async () => {
      for (const route of routes) {
        expectRefusal(await portal.request(route.method, pathOf(route, String(user.id))), 401, 'UNAUTHORIZED')
        expectRefusal(await portal.request(route.method, pathOf(route, String(user.id)), { token: 'A'.repeat(43) }), 401, 'UNAUTHORIZED')
      }
    })
  })

  it.runIf(backend.enabled)('refuses a malformed ticket reference or reason header with 400', async () => {
    const support = await signInAs(portal, 'support')
    await expectNothingChanged(portal, async () => {
      const path = pathOf(routes[9] as SecurityRoute, String(user.id))
      expectRefusal(await support.post(path, undefined, { ticket: 'x'.repeat(65) }), 400, 'VALIDATION')
      expectRefusal(await support.post(path, undefined, { ticket: "HD-1'; drop table users; --" }), 400, 'VALIDATION')
      expectRefusal(await support.post(path, undefined, { ticket: 'HD-1', headers: { 'x-reason': '%E0%A4%A' } }), 400, 'VALIDATION')
    })
  })

  it.runIf(backend.enabled)('lists every security route in the OpenAPI description', async () => {
    const json = await portal.request('GET', '/api/docs/json')
    const paths = (json.body as { paths: Record<string, Record<string, unknown>> }).paths
    for (const route of routes) {
      const openApiPath = route.path.replace('{sub}', route.sub === 'passkeys' ? '{pid}' : route.sub === 'sessions' ? '{sid}' : route.sub === 'api_keys' ? '{kid}' : '{pmid}')
      expect(paths[openApiPath]?.[route.method.toLowerCase()], `${route.method} ${openApiPath}`).toBeDefined()
    }
  })
})
