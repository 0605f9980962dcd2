import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { loginResponse, operator } from '../../src/shared/auth'
import { operatorAccount, ownTwoFactorSetup } from '../../src/shared/operator-account'
import { sessionList } from '../../src/shared/security'
import { auditActions } from './portal-helpers'
import { backends } from './support/backends'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'

const newPassword = 'Quartz-Lantern-Orbit-58'

function expectRefusal(response: ApiResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status)
  expect(apiErrorBody.parse(response.body).error.code).toBe(code)
}

async function userIdOf(portal: TestPortal, login: string): Promise<number> {
  const row = await portal.server.database.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()
  return row.id
}

/** Turns TOTP on for the signed-in operator through My account and returns the secret. */
async function enableTotp(portal: TestPortal, token: string): Promise<string> {
  const setup = await portal.request('POST', '/api/v1/auth/account/2fa/setup', { token, json: { password: testPassword } })
  expect(setup.status, setup.text).toBe(200)
  const { secret, otpauthUri } = ownTwoFactorSetup.parse(setup.body)
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/PortalDesk:/)
  const code = await generate({ secret, epoch: Math.floor(portal.clock.now().getTime() / 1000) })
  const confirmed = await portal.request('POST', '/api/v1/auth/account/2fa/confirm', { token, json: { code } })
  expect(confirmed.status, confirmed.text).toBe(200)
  expect(operatorAccount.parse(confirmed.body).twoFactor.enabled).toBe(true)
  return secret
}

async function currentCode(portal: TestPortal, secret: string): Promise<string> {
  // A code is spent once: move to the next 30-second step before each new sign-in.
  portal.clock.advance(30_000)
  return generate({ secret, epoch: Math.floor(portal.clock.now().getTime() / 1000) })
}

describe.each(backends)("the operator's own account on $name", (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (backend.enabled) portal = await startTestPortal(backend, { portalUsers: 20 })
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('changes the password with the current one, keeps this session and ends the others', async () => {
    const token = await portal.signIn('t.becker')
    const other = await portal.signIn('t.becker')

    expectRefusal(await portal.request('POST', '/api/v1/auth/account/password', { token, json: { currentPassword: 'wrong', newPassword } }), 401, 'INVALID_CREDENTIALS')
    const weak = await portal.request('POST', '/api/v1/auth/account/password', { token, json: { currentPassword: testPassword, newPassword: 'password' } })
    expectRefusal(weak, 400, 'VALIDATION')
    expect(JSON.stringify(apiErrorBody.parse(weak.body).error.details)).toContain('newPassword')
    // Nothing changed by the refusals: the old password still signs in.
    expect((await portal.request('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: testPassword } })).status).toBe(200)

    const changed = await portal.request('POST', '/api/v1/auth/account/password', { token, json: { currentPassword: testPassword, newPassword } })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body).toEqual({ sessionsRevoked: 2 })
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(200)
    expectRefusal(await portal.request('GET', '/api/v1/auth/me', { token: other }), 401, 'UNAUTHORIZED')
    expectRefusal(await portal.request('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: testPassword } }), 401, 'INVALID_CREDENTIALS')
    expect((await portal.request('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: newPassword } })).status).toBe(200)

    const audit = await auditActions(portal, await userIdOf(portal, 't.becker'))
    expect(audit).toContainEqual(expect.objectContaining({ action: 'password.change', actor_role: 'administrator' }))
  })

  it.runIf(backend.enabled)('turns TOTP on with a QR secret; sign-in then asks for the code, once per code', async () => {
    const token = await portal.signIn('m.garcia')
    expect(operatorAccount.parse((await portal.request('GET', '/api/v1/auth/account', { token })).body).twoFactor).toEqual({ enabled: false, enabledAt: null, required: false })
    expectRefusal(await portal.request('POST', '/api/v1/auth/account/2fa/setup', { token, json: { password: 'wrong' } }), 401, 'INVALID_CREDENTIALS')
    const secret = await enableTotp(portal, token)

    const withoutCode = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'm.garcia', password: testPassword } })
    expectRefusal(withoutCode, 401, 'INVALID_CREDENTIALS')
    expect(apiErrorBody.parse(withoutCode.body).error.details).toEqual({ otp: 'required' })
    const wrongPasswordAndNoCode = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'm.garcia', password: 'wrong' } })
    // A wrong password learns nothing about the second factor.
    expect(apiErrorBody.parse(wrongPasswordAndNoCode.body).error.details).toBeUndefined()

    const code = await currentCode(portal, secret)
    const signedIn = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'm.garcia', password: testPassword, otp: code } })
    expect(signedIn.status, signedIn.text).toBe(200)
    const replay = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'm.garcia', password: testPassword, otp: code } })
    expect(apiErrorBody.parse(replay.body).error.details).toEqual({ otp: 'invalid' })

    expectRefusal(await portal.request('POST', '/api/v1/auth/account/2fa/disable', { token, json: { password: 'wrong' } }), 401, 'INVALID_CREDENTIALS')
    const off = await portal.request('POST', '/api/v1/auth/account/2fa/disable', { token, json: { password: testPassword } })
    expect(off.status, off.text).toBe(200)
    expect(operatorAccount.parse(off.body).twoFactor.enabled).toBe(false)
    expect((await portal.request('POST', '/api/v1/auth/login', { json: { login: 'm.garcia', password: testPassword } })).status).toBe(200)
    const actions = (await auditActions(portal, await userIdOf(portal, 'm.garcia'))).map((row) => row.action)
    expect(actions).toEqual(expect.arrayContaining(['twoFactor.enable', 'twoFactor.disable']))
  })

  it.runIf(backend.enabled)("lists the operator's sessions and ends one or all of the others, never the current one by id", async () => {
    const token = await portal.signIn('li.na')
    const second = await portal.signIn('li.na')
    const third = await portal.signIn('li.na')
    const listed = sessionList.parse((await portal.request('GET', '/api/v1/auth/account/sessions', { token })).body)
    expect(listed.items).toHaveLength(3)
    const current = listed.items.filter((item) => item.current)
    expect(current).toHaveLength(1)
    const currentId = current[0]!.id

    expectRefusal(await portal.request('DELETE', `/api/v1/auth/account/sessions/${currentId}`, { token }), 400, 'VALIDATION')
    const someoneElses = await portal.signIn('support')
    const foreign = sessionList.parse((await portal.request('GET', '/api/v1/auth/account/sessions', { token: someoneElses })).body).items[0]!
    expectRefusal(await portal.request('DELETE', `/api/v1/auth/account/sessions/${foreign.id}`, { token }), 404, 'NOT_FOUND')
    expect((await portal.request('GET', '/api/v1/auth/me', { token: someoneElses })).status).toBe(200)

    const oneOther = listed.items.find((item) => !item.current)!
    const ended = await portal.request('DELETE', `/api/v1/auth/account/sessions/${oneOther.id}`, { token })
    expect(ended.body).toEqual({ revoked: 1 })
    const rest = await portal.request('POST', '/api/v1/auth/account/sessions/others', { token, json: {} })
    expect(rest.body).toEqual({ revoked: 1 })
    expect((await portal.request('GET', '/api/v1/auth/me', { token })).status).toBe(200)
    for (const gone of [second, third]) expectRefusal(await portal.request('GET', '/api/v1/auth/me', { token: gone }), 401, 'UNAUTHORIZED')
  })
})

describe.each(backends)('OPERATOR_2FA=required on $name', (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (backend.enabled) portal = await startTestPortal(backend, { portalUsers: 20, config: { operatorTwoFactor: 'required' } })
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('holds an administrator without TOTP to their own account until the setup is done', async () => {
    const login = loginResponse.parse((await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin', password: testPassword } })).body)
    expect(login.operator.twoFactorSetupRequired).toBe(true)
    const token = login.token
    expect(operator.parse((await portal.request('GET', '/api/v1/auth/me', { token })).body).twoFactorSetupRequired).toBe(true)

    const usersBefore = await portal.server.database.db.selectFrom('users').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()
    expectRefusal(await portal.request('GET', '/api/v1/users?kind=portal', { token }), 403, 'TWO_FACTOR_REQUIRED')
    expectRefusal(await portal.request('POST', '/api/v1/users', { token, json: { kind: 'portal', name: 'Blocked Write', email: 'blocked@example.com' } }), 403, 'TWO_FACTOR_REQUIRED')
    const usersAfter = await portal.server.database.db.selectFrom('users').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(usersAfter.n).toBe(usersBefore.n)
    expect(operatorAccount.parse((await portal.request('GET', '/api/v1/auth/account', { token })).body).twoFactor.required).toBe(true)

    const secret = await enableTotp(portal, token)
    expect(operator.parse((await portal.request('GET', '/api/v1/auth/me', { token })).body).twoFactorSetupRequired).toBeUndefined()
    expect((await portal.request('GET', '/api/v1/users?kind=portal', { token })).status).toBe(200)
    expectRefusal(await portal.request('POST', '/api/v1/auth/account/2fa/disable', { token, json: { password: testPassword } }), 403, 'FORBIDDEN')

    const code = await currentCode(portal, secret)
    const next = loginResponse.parse((await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin', password: testPassword, otp: code } })).body)
    expect(next.operator.twoFactorSetupRequired).toBeUndefined()
  })

  it.runIf(backend.enabled)('leaves support agents free to act (the policy names administrators)', async () => {
    const login = loginResponse.parse((await portal.request('POST', '/api/v1/auth/login', { json: { login: 'support', password: testPassword } })).body)
    expect(login.operator.twoFactorSetupRequired).toBeUndefined()
    expect((await portal.request('GET', '/api/v1/users?kind=portal', { token: login.token })).status).toBe(200)
  })
})
