import { describe, expect, it } from 'vitest'
import { allEndpoints, endpoints, fillPath, pathParamNames, refusalsOf, urlOf } from '../../../src/shared/endpoints'
import { permissionActions } from '../../../src/shared/permissions'
import { refusalReasons } from '../../../src/shared/refusals'

const label = (endpoint: { method: string; path: string }) => `${endpoint.method} ${endpoint.path}`

describe('the endpoint table', () => {
  it('lists every endpoint once, and each method and path once', () => {
    expect(allEndpoints.length).toBeGreaterThan(40)
    expect(new Set(allEndpoints).size).toBe(allEndpoints.length)
    const routes = allEndpoints.map(label)
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([])
  })

  it.each(allEndpoints.map((endpoint) => [label(endpoint), endpoint] as const))('%s: each :param of the path has a params key, and each key a :param', (_label, endpoint) => {
    const inPath = pathParamNames(endpoint.path).sort()
    const inSchema = Object.keys(endpoint.params?.shape ?? {}).sort()
    expect(inSchema).toEqual(inPath)
    expect(endpoint.path).toMatch(/^\/api\/v1\/[a-z0-9/:_-]+$/i)
  })

  it.each(allEndpoints.map((endpoint) => [label(endpoint), endpoint] as const))('%s: names real refusal reasons and permissions, and says who may call', (_label, endpoint) => {
    for (const reason of endpoint.refusals) expect(refusalReasons).toContain(reason)
    expect(new Set(endpoint.refusals).size).toBe(endpoint.refusals.length)
    if (endpoint.permission !== undefined) {
      expect(endpoint.auth).toBe('operator')
      expect(permissionActions).toContain(endpoint.permission)
    }
    if (endpoint.permissionWithoutTarget !== undefined) expect(permissionActions).toContain(endpoint.permissionWithoutTarget)
    // A permission judged on the path's user needs that user in the path.
    if (endpoint.permissionTarget === 'pathUser') expect(endpoint.path).toMatch(/^\/api\/v1\/users\/:id(\/|$)/)
    if (endpoint.permissionTarget !== undefined && endpoint.permissionTarget !== 'none') expect(endpoint.permission).toBeDefined()
    expect(['public', 'operator', 'portalUser']).toContain(endpoint.auth)
    // A guarded endpoint always says that a missing or stale token is refused.
    if (endpoint.auth !== 'public' && endpoint.response !== undefined) expect(endpoint.errors).toContain(401)
    expect(endpoint.summary.trim()).not.toBe('')
    expect(endpoint.tags.length).toBeGreaterThan(0)
  })

  it('gives every security action on a user its permission, judged on that user', () => {
    const onUsers = allEndpoints.filter((endpoint) => endpoint.path.startsWith('/api/v1/users/:id/') && endpoint.auth === 'operator')
    expect(onUsers.length).toBeGreaterThan(20)
    for (const endpoint of onUsers) {
      expect(endpoint.permission, label(endpoint)).toBeDefined()
      expect(endpoint.permissionTarget, label(endpoint)).toBe('pathUser')
    }
  })
})

describe('urlOf', () => {
  it('fills each :param in place', () => {
    expect(urlOf(endpoints.archiveUser, { id: 42 })).toBe('/api/v1/users/42/archive')
    expect(urlOf(endpoints.revokeUserSession, { id: 7, sid: '9007199254740993' })).toBe('/api/v1/users/7/sessions/9007199254740993')
    expect(urlOf(endpoints.listUsers)).toBe('/api/v1/users')
  })

  it('percent-encodes hostile values so that they stay one path segment', () => {
    expect(urlOf(endpoints.getMailState, { id: '../../admin' })).toBe('/api/v1/mail/..%2F..%2Fadmin/state')
    expect(urlOf(endpoints.getMailState, { id: '%2F' })).toBe('/api/v1/mail/%252F/state')
    expect(urlOf(endpoints.getMailState, { id: 'a?b=c#d' })).toBe('/api/v1/mail/a%3Fb%3Dc%23d/state')
    expect(urlOf(endpoints.revokeOwnSession, { id: 'ünï/コード' })).toBe(`/api/v1/auth/account/sessions/${encodeURIComponent('ünï/コード')}`)
    expect(urlOf(endpoints.revokeUserPasskey, { id: ' 1', pid: '2 ' })).toBe('/api/v1/users/%201/passkeys/2%20')
  })

  it('refuses a missing or empty parameter rather than building another URL', () => {
    expect(() => fillPath(endpoints.getUser.path, {})).toThrow(/:id/)
    expect(() => fillPath(endpoints.getUser.path, { id: '' })).toThrow(/:id/)
  })
})

describe('the refusals an endpoint may give', () => {
  it('adds those its declaration implies: sign-in state, the verification header, the ticket', () => {
    const unlock = refusalsOf(endpoints.unlockUser)
    for (const reason of ['notLocked', 'passwordChangeRequired', 'verificationExpired', 'ticketRequired'] as const) expect(unlock.has(reason), reason).toBe(true)
    expect(refusalsOf(endpoints.listUsers).has('ticketRequired')).toBe(false)
    expect(refusalsOf(endpoints.login).size).toBe(endpoints.login.refusals.length)
    expect(refusalsOf(endpoints.changeOwnPassword).has('passwordChangeRequired')).toBe(false)
    expect(refusalsOf(endpoints.getMe).has('verificationUnknown')).toBe(false)
  })
})
