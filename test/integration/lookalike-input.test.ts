import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meProfile } from '../../src/shared/portal'
import { textCharacterMessages } from '../../src/shared/text-characters'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { signInablePortalUsers, signInPortalUser } from './portal-helpers'

const strongPassword = 'Lantern-Orchard-Cobalt-77'

const internalUser = (login: string, overrides: Record<string, unknown> = {}) => ({ kind: 'internal', role: 'user', login, name: 'Look Alike', ...overrides })
const portalUser = (overrides: Record<string, unknown> = {}) => ({
  kind: 'portal',
  login: 'plain.person',
  password: strongPassword,
  firstName: 'Plain',
  lastName: 'Person',
  companyId: 1,
  websiteId: 1,
  ...overrides
})

function issueMessages(body: unknown): string[] {
  const details = (body as { error?: { details?: unknown } }).error?.details
  return Array.isArray(details) ? details.map((issue: { path: string; message: string }) => `${issue.path}: ${issue.message}`) : []
}

describe.each(backends)('names and logins that look the same but are not ($name)', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 30 })
    admin = await signInAs(portal, 'administrator')
  })

  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('refuses a login with a zero-width space, a bidi override or a C1 control, and creates nothing', async () => {
    for (const login of ['support\u200b', '\u200bsupport', 'sup\u2060port', 'support\u202e', 'sup\u0085port', 'supp\ufeffort']) {
      const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', internalUser(login)))
      expectRefusal(response, 400, 'VALIDATION')
      expect(issueMessages(response.body).join(' ')).toMatch(/^login: /)
    }
  })

  it.runIf(backend.enabled)('refuses names with C1 controls, bidi overrides, zero-width characters or a lone surrogate (raw JSON), and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lastName: 'Person\u0085' }, textCharacterMessages.control],
      [{ firstName: 'Evil\u202eredivider' }, textCharacterMessages.invisible],
      [{ lastName: 'Per\u200dson' }, textCharacterMessages.invisible],
      [{ name: 'Plain\u2066 Person' }, textCharacterMessages.invisible]
    ]
    for (const [overrides, message] of cases) {
      const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', portalUser(overrides)))
      expectRefusal(response, 400, 'VALIDATION')
      expect(issueMessages(response.body)).toContainEqual(`${Object.keys(overrides)[0]}: ${message}`)
    }
    // JSON.stringify would escape the lone surrogate as \ud800 too; write the body by hand to be sure
    // that the server, not the client, meets it.
    const rawBody = `{"kind":"portal","login":"lone.surrogate","password":"${strongPassword}","firstName":"Ann\\ud800","lastName":"Person","companyId":1,"websiteId":1}`
    const lone = await expectNothingChanged(portal, () => admin.request('POST', '/api/v1/users', { rawBody }))
    expectRefusal(lone, 400, 'VALIDATION')
    expect(issueMessages(lone.body)).toContainEqual(`firstName: ${textCharacterMessages.loneSurrogate}`)
    const stored = await portal.server.database.db.selectFrom('users').select('id').where('first_name', 'like', 'Ann%').where('login', '=', 'lone.surrogate').execute()
    expect(stored).toEqual([])
  })

  it.runIf(backend.enabled)('refuses the same characters in the name a portal user gives on /me', async () => {
    const [person] = await signInablePortalUsers(portal, 1)
    const client = await signInPortalUser(portal, person?.login ?? '')
    const profile = meProfile.parse((await client.get('/api/v1/me')).body)
    const contact = {
      version: profile.version,
      email: profile.email ?? 'someone@example.com',
      phone: profile.phone ?? '+49 30 1234567',
      street: profile.street ?? 'Hauptstraße 1',
      city: profile.city ?? 'Berlin',
      country: profile.country ?? 'DE'
    }
    for (const name of [`${profile.name}\u200b`, `\u202e${profile.name}`, `${profile.name}\u009b`]) {
      const response = await expectNothingChanged(portal, () => client.patch('/api/v1/me', { ...contact, name }))
      expectRefusal(response, 400, 'VALIDATION')
    }
    expect((await client.patch('/api/v1/me', { ...contact, name: '王芳 Müller' })).status).toBe(200)
  })

  it.runIf(backend.enabled)('treats Support and a full-width ＳＵＰＰＯＲＴ as the existing support (NFKC and case folding)', async () => {
    for (const login of ['Support', 'SUPPORT', 'ＳＵＰＰＯＲＴ', 'ｓｕｐｐｏｒｔ']) {
      const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', internalUser(login)))
      expectRefusal(response, 409, 'CONFLICT')
      expect(issueMessages(response.body)).toEqual(['login: Another record already uses this login.'])
    }
  })

  it.runIf(backend.enabled)('refuses a login whose confusable skeleton (TR39) is an existing one, without naming whose', async () => {
    for (const login of ['supp\u03bfrt', 'ѕupport', 'adrnin', 'supp0rt', 'аdmin']) {
      const response = await expectNothingChanged(portal, () => admin.post('/api/v1/users', internalUser(login)))
      expectRefusal(response, 409, 'CONFLICT')
      const error = (response.body as { error: { message: string; details: { reason: string; path: string } } }).error
      expect(error.details).toEqual({ reason: 'loginConfusable', path: 'login' })
      expect(error.message).toMatch(/looks like an existing username/)
      expect(error.message).not.toMatch(/support|admin/i)
    }
  })

  it.runIf(backend.enabled)('refuses changing a login to a look-alike of another user, but lets a user change the case of their own', async () => {
    const created = await admin.post('/api/v1/users', portalUser({ login: 'rename.me' }))
    expect(created.status, created.text).toBe(201)
    const { id, version } = created.body as { id: number; version: number }
    await admin.reauth()
    const refused = await expectNothingChanged(portal, () => admin.patch(`/api/v1/users/${id}`, { version, login: 'ѕupport' }))
    expectRefusal(refused, 409, 'CONFLICT')
    expect((refused.body as { error: { details: { reason: string } } }).error.details.reason).toBe('loginConfusable')
    const own = await admin.patch(`/api/v1/users/${id}`, { version, login: 'Rename.Me' })
    expect(own.status, own.text).toBe(200)
  })

  it.runIf(backend.enabled)('still accepts a Chinese name and a login with accents, and signs in by the folded login', async () => {
    const created = await admin.post('/api/v1/users', portalUser({ login: 'josé.garcía', firstName: '芳', lastName: '王', name: '王芳' }))
    expect(created.status, created.text).toBe(201)
    expect(created.body).toMatchObject({ login: 'josé.garcía', name: '王芳' })
    // `jose.garcia` has no accents: another login, and not a look-alike by TR39's data.
    const plain = await admin.post('/api/v1/users', portalUser({ login: 'jose.garcia' }))
    expect(plain.status, plain.text).toBe(201)

    // An IME's full-width input finds the same operator.
    const fullWidth = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'ＡＤＭＩＮ', password: testPassword } })
    expect(fullWidth.status, fullWidth.text).toBe(200)
    expect((fullWidth.body as { operator: { login: string } }).operator.login).toBe('admin')
    // And its failures count against the same account, not a fresh counter per spelling.
    const wrong = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'ｓｕｐｐｏｒｔ', password: 'not the password' } })
    expect(wrong.status).toBe(401)
    const counters = await portal.server.database.db.selectFrom('sign_in_throttle').select('key').where('scope', '=', 'account').execute()
    expect(counters.map((row) => row.key)).toContain('operator:support')
    expect(counters.map((row) => row.key)).not.toContain('ｓｕｐｐｏｒｔ')
  })

  it.runIf(backend.enabled)('lets only one of two look-alike logins created at the same time through', async () => {
    const answers = await Promise.all([admin.post('/api/v1/users', internalUser('helpdesk.one')), admin.post('/api/v1/users', internalUser('helpdesk.оne'))])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
  })
})
