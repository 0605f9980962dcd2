import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meProfile, portalLoginResponse } from '../../src/shared/portal'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { attempts, portalLogin, signInablePortalUsers, signInPortalUser, type PortalUserRow } from './portal-helpers'

const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

describe.each(backends)('portal sign-in on $name', (backend) => {
  let portal: TestPortal
  let users: PortalUserRow[]
  let next = 0
  const takeUser = () => {
    const user = users[next++]
    if (!user) throw new Error('not enough seeded portal users')
    return user
  }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 120 })
    users = await signInablePortalUsers(portal, 20)
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('signs a portal user in: a portal session, the sign-in recorded, /me answers', async () => {
    const user = takeUser()
    const response = await portalLogin(portal, user.login.toUpperCase(), testPassword, {}, { 'user-agent': 'PortalTest/1.0' })
    expect(response.status, response.text).toBe(200)
    const body = portalLoginResponse.parse(response.body)
    expect(body.user).toMatchObject({ id: user.id, login: user.login })
    expect(new Date(body.expiresAt).getTime()).toBe(portal.clock.now().getTime() + 12 * 3_600_000)

    const db = portal.server.database.db
    const session = await db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).where('audience', '=', 'portal').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(session.user_agent).toBe('PortalTest/1.0')
    expect(session.token_hash.toString('base64url')).not.toBe(body.token)
    const row = await db.selectFrom('users').select(['last_sign_in_at']).where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.last_sign_in_at?.getTime()).toBe(portal.clock.now().getTime())
    expect((await attempts(portal, user.id)).at(-1)).toEqual({ success: true, reason: null, audience: 'portal' })

    const me = await portal.request('GET', '/api/v1/me', { token: body.token })
    expect(me.status, me.text).toBe(200)
    expect(meProfile.parse(me.body)).toMatchObject({ id: user.id, login: user.login, twoFactor: false })
  })

  it.runIf(backend.enabled)('keeps the audiences apart: a portal token is no operator token and the reverse', async () => {
    const client = await signInPortalUser(portal, takeUser().login)
    expectRefusal(await portal.request('GET', '/api/v1/auth/me', { token: client.token }), 401, 'UNAUTHORIZED')
    expectRefusal(await portal.request('GET', '/api/v1/users', { token: client.token }), 401, 'UNAUTHORIZED')
    const admin = await signInAs(portal, 'administrator')
    expectRefusal(await portal.request('GET', '/api/v1/me', { token: admin.token }), 401, 'UNAUTHORIZED')
    expectRefusal(await portal.request('GET', '/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await portal.request('GET', '/api/v1/me', { token: 'A'.repeat(43) }), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('refuses every ineligible sign-in with one identical body, and records why', async () => {
    const db = portal.server.database.db
    const [archived, resetRequired, locked, deleted] = [takeUser(), takeUser(), takeUser(), takeUser()]
    await db.updateTable('users').set({ active: false }).where('id', '=', archived.id).execute()
    await db.updateTable('users').set({ reset_required: true }).where('id', '=', resetRequired.id).execute()
    await db.updateTable('users').set({ locked_until: new Date(portal.clock.now().getTime() + 60_000) }).where('id', '=', locked.id).execute()
    await db.updateTable('users').set({ deleted_at: portal.clock.now(), active: false }).where('id', '=', deleted.id).execute()

    const wrongPassword = await portalLogin(portal, takeUser().login, 'not the password at all')
    expectRefusal(wrongPassword, 401, 'INVALID_CREDENTIALS')
    const refusals = [
      await portalLogin(portal, 'nobody-at-all', testPassword),
      await portalLogin(portal, 'admin', testPassword), // an operator is not a portal user
      await portalLogin(portal, archived.login, testPassword),
      await portalLogin(portal, resetRequired.login, testPassword),
      await portalLogin(portal, locked.login, testPassword),
      await portalLogin(portal, deleted.login, testPassword)
    ]
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401)
      expect(refusal.body).toEqual(wrongPassword.body)
    }
    expect((await attempts(portal, archived.id)).at(-1)).toMatchObject({ success: false, reason: 'archived' })
    expect((await attempts(portal, resetRequired.id)).at(-1)).toMatchObject({ success: false, reason: 'reset_required' })
    expect((await attempts(portal, locked.id)).at(-1)).toMatchObject({ success: false, reason: 'locked' })
    expect((await attempts(portal, deleted.id)).at(-1)).toMatchObject({ success: false, reason: 'deleted' })
    const unknown = await db.selectFrom('sign_in_attempts').select(['user_id', 'reason']).where('login', '=', 'nobody-at-all').executeTakeFirstOrThrow()
    expect(unknown).toEqual({ user_id: null, reason: 'wrong_password' })
  })

  it.runIf(backend.enabled)('asks for the TOTP code only after a right password, and accepts each code once', async () => {
    const user = takeUser()
    const db = portal.server.database.db
    await db.insertInto('totp').values({ user_id: user.id, secret: totpSecret, enabled_at: portal.clock.now() }).execute()

    const wrongPassword = await portalLogin(portal, user.login, 'wrong password here')
    expectRefusal(wrongPassword, 401, 'INVALID_CREDENTIALS')
    expect((wrongPassword.body as { error: { details?: unknown } }).error.details).toBeUndefined()
    const wrongPasswordWithCode = await portalLogin(portal, user.login, 'wrong password here', { otp: '123456' })
    expect(wrongPasswordWithCode.body).toEqual(wrongPassword.body)

    const noCode = await portalLogin(portal, user.login)
    expectRefusal(noCode, 401, 'INVALID_CREDENTIALS')
    expect((noCode.body as { error: { details: unknown } }).error.details).toEqual({ otp: 'required' })

    const epoch = Math.floor(portal.clock.now().getTime() / 1000)
    const code = await generate({ secret: totpSecret, epoch })
    const wrongCode = code === '000000' ? '111111' : '000000'
    const badCode = await portalLogin(portal, user.login, testPassword, { otp: wrongCode })
    expect((badCode.body as { error: { details: unknown } }).error.details).toEqual({ otp: 'invalid' })

    const good = await portalLogin(portal, user.login, testPassword, { otp: `${code.slice(0, 3)} ${code.slice(3)}` })
    expect(good.status, good.text).toBe(200)
    const replay = await portalLogin(portal, user.login, testPassword, { otp: code })
    expect((replay.body as { error: { details: unknown } }).error.details).toEqual({ otp: 'invalid' })

    const reasons = (await attempts(portal, user.id)).map((a) => a.reason)
    expect(reasons).toEqual(['wrong_password', 'wrong_password', 'otp_required', 'otp_invalid', null, 'otp_invalid'])
    const row = await db.selectFrom('users').select('failed_sign_ins').where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.failed_sign_ins).toBe(1) // the success cleared the count; the replay counted again
  })

  it.runIf(backend.enabled)('signs out: the token stops working', async () => {
    const client = await signInPortalUser(portal, takeUser().login)
    const out = await client.post('/api/v1/me/logout')
    expect(out.status, out.text).toBe(204)
    expectRefusal(await client.get('/api/v1/me'), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('expires idle and old sessions by the clock', async () => {
    const client = await signInPortalUser(portal, takeUser().login)
    portal.clock.advance(29 * 60_000)
    expect((await client.get('/api/v1/me')).status).toBe(200)
    portal.clock.advance(31 * 60_000)
    expectRefusal(await client.get('/api/v1/me'), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('answers bad sign-in input with 400 and writes nothing', async () => {
    const login = takeUser().login
    const bodies: unknown[] = [
      {},
      { login },
      { password: testPassword },
      { login, password: testPassword, extra: true },
      { login: 12, password: testPassword },
      { login, password: ['x'] },
      { login: 'x'.repeat(10_000), password: testPassword },
      { login, password: 'x'.repeat(10_000) },
      { login, password: testPassword, otp: '12ab56' },
      { login, password: testPassword, otp: 123456 },
      null,
      []
    ]
    await expectNothingChanged(portal, async () => {
      for (const json of bodies) expectRefusal(await portal.request('POST', '/api/v1/portal/login', { json }), 400, 'VALIDATION')
    })
    const before = await portal.server.database.db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    for (const weird of ["'; drop table users; --", '王芳😀', '\u202eevil', 'a\u0000b']) {
      expectRefusal(await portalLogin(portal, weird, testPassword), 401, 'INVALID_CREDENTIALS')
    }
    const after = await portal.server.database.db.selectFrom('sign_in_attempts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n) - Number(before.n)).toBe(4)
  })
})

describe.each(backends)('portal secrets in the log on $name', (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (backend.enabled) portal = await startTestPortal(backend, { portalUsers: 60, logLevel: 'trace' })
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('never writes a password, code, card number, API key or token into the log', async () => {
    const [user] = await signInablePortalUsers(portal, 1)
    if (!user) throw new Error('no seeded portal user')
    const secret = 'pässword-that-must-not-leak-7d2e'
    await portalLogin(portal, user.login, secret, { otp: '913842' })
    await portal.request('POST', '/api/v1/portal/login', { rawBody: `{"login":"${user.login}","password":"${secret}"`, contentType: 'application/json' })
    const client = await signInPortalUser(portal, user.login)
    await client.post('/api/v1/me/payment-methods', { number: '4000056655665556', expMonth: 4, expYear: 2031, holder: 'Log Test', cvc: '737' })
    const created = await client.post('/api/v1/me/api-keys', { password: testPassword, description: 'Log test' })
    const key = (created.body as { key: string }).key
    await client.post('/api/v1/me/password', { currentPassword: secret, newPassword: `${secret}-new` })
    const log = portal.logLines.join('')
    expect(log).toContain('/api/v1/portal/login')
    for (const leaked of [secret, testPassword, '913842', '4000056655665556', '737"', key, client.token]) expect(log).not.toContain(leaked)
  })
})
