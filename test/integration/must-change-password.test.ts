import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginResponse, operator as operatorSchema } from '../../src/shared/auth'
import { meProfile, portalLoginResponse } from '../../src/shared/portal'
import { portalLogin, signInablePortalUsers, type PortalUserRow } from './portal-helpers'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, seededOperators, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const temporaryPassword = 'Harbour-Quince-Tundra-63'
const chosenPassword = 'lantern Orchid basalt 2041'
const ticket = { ticket: 'HD-6120' }

/**
 * "Must change password at next sign-in", replayed over HTTP: a temporary password set by an
 * administrator or by the helpdesk signs in only to a session that may choose a new password and
 * sign out; everything else is 403 PASSWORD_CHANGE_REQUIRED until it does.
 */
describe.each(backends)('must change password at next sign-in on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient
  let portalUsers: PortalUserRow[]
  let nextUser = 0

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 60 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
    portalUsers = await signInablePortalUsers(portal, 10, { withDocuments: false })
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db
  const takePortalUser = (): PortalUserRow => {
    const user = portalUsers[nextUser++]
    if (!user) throw new Error('not enough portal users')
    return user
  }
  const userRow = (id: number) => db().selectFrom('users').select(['password_hash', 'must_change_password', 'version']).where('id', '=', id).executeTakeFirstOrThrow()
  const as = (token: string) => ({
    get: (path: string) => portal.request('GET', path, { token }),
    send: (method: string, path: string, json: unknown = {}) => portal.request(method, path, { token, json })
  })
  const expectPasswordChangeRequired = (response: ApiResponse) => {
    expectRefusal(response, 403, 'PASSWORD_CHANGE_REQUIRED')
    expect((response.body as { error: { details?: unknown } }).error.details).toEqual({ reason: 'passwordChangeRequired' })
  }
  const lastAudit = (userId: number) => db().selectFrom('audit_log').selectAll().where('target_user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()

  /** Signs a portal user in with the temporary password: 200, but restricted, and the answer says so. */
  const restrictedPortalSignIn = async (login: string): Promise<string> => {
    const response = await portalLogin(portal, login, temporaryPassword)
    expect(response.status, response.text).toBe(200)
    const body = portalLoginResponse.parse(response.body)
    expect(body.passwordChangeRequired).toBe(true)
    return body.token
  }

  /** Everything a restricted portal session tries but choosing a new password and signing out. */
  const expectPortalRestricted = async (token: string, user: PortalUserRow) => {
    const client = as(token)
    const contact = { version: user.version, name: 'Taken Over', email: 'attacker@example.com', phone: '+49 30 1234567', street: 'Hauptstraße 1', city: 'Berlin', country: 'DE' }
    expectPasswordChangeRequired(await expectNothingChanged(portal, () => client.send('PATCH', urlOf(endpoints.getMe), contact)))
    expectPasswordChangeRequired(await client.get(urlOf(endpoints.getMe)))
    expectPasswordChangeRequired(await client.get(urlOf(endpoints.listMyPaymentMethods)))
    expectPasswordChangeRequired(await client.get(urlOf(endpoints.listMyPasskeys)))
    expectPasswordChangeRequired(await client.get(urlOf(endpoints.listMyApiKeys)))
    expectPasswordChangeRequired(await expectNothingChanged(portal, () => client.send('POST', urlOf(endpoints.beginMyTwoFactor), { password: temporaryPassword })))
    expectPasswordChangeRequired(await expectNothingChanged(portal, () => client.send('POST', urlOf(endpoints.signOutOthers), { password: temporaryPassword })))
    expectPasswordChangeRequired(await expectNothingChanged(portal, () => client.send('DELETE', urlOf(endpoints.getMe), { password: temporaryPassword, login: user.login, blocklist: false })))
  }

  /** The one way out: the same password is refused, a weak one too, a new good one lifts the restriction. */
  const choosePortalPassword = async (token: string, userId: number, otherToken: string) => {
    const client = as(token)
    const before = await userRow(userId)
    const same = await client.send('POST', urlOf(endpoints.changeMyPassword), { currentPassword: temporaryPassword, newPassword: temporaryPassword })
    expectRefusal(same, 400, 'VALIDATION')
    expect((same.body as { error: { details: unknown } }).error.details).toEqual([expect.objectContaining({ path: 'newPassword', reason: 'sameAsCurrentPassword' })])
    expectRefusal(await client.send('POST', urlOf(endpoints.changeMyPassword), { currentPassword: temporaryPassword, newPassword: 'password1' }), 400, 'VALIDATION')
    expect(await userRow(userId)).toEqual(before)

    const changed = await client.send('POST', urlOf(endpoints.changeMyPassword), { currentPassword: temporaryPassword, newPassword: chosenPassword })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body).toEqual({ revoked: 1 })
    expect((await userRow(userId)).must_change_password).toBe(false)
    expect(await lastAudit(userId)).toMatchObject({ action: 'password.change', actor_id: userId })
    expect((await lastAudit(userId)).changes).toMatchObject({ mustChange: { from: true, to: false }, sessionsRevoked: { to: 1 } })

    // The other session (also restricted) is signed out; this one is now a full session.
    expectRefusal(await as(otherToken).get(urlOf(endpoints.getMe)), 401, 'UNAUTHORIZED')
    const me = await client.get(urlOf(endpoints.getMe))
    expect(me.status, me.text).toBe(200)
    const profile = meProfile.parse(me.body)
    const update = await client.send('PATCH', urlOf(endpoints.getMe), {
      version: profile.version,
      name: profile.name,
      email: profile.email,
      phone: profile.phone ?? '+49 30 1234567',
      street: profile.street ?? 'Hauptstraße 1',
      city: 'Potsdam',
      country: profile.country ?? 'DE'
    })
    expect(update.status, update.text).toBe(200)
    expect((await client.get(urlOf(endpoints.listMyPaymentMethods))).status).toBe(200)

    const again = await portalLogin(portal, profile.login, chosenPassword)
    expect(again.status, again.text).toBe(200)
    expect(portalLoginResponse.parse(again.body).passwordChangeRequired).toBeUndefined()
  }

  it.runIf(backend.enabled)('an administrator’s temporary password signs a portal user in only to choose a new one', async () => {
    const user = takePortalUser()
    const earlier = await portalLogin(portal, user.login, testPassword)
    const earlierToken = portalLoginResponse.parse(earlier.body).token

    const set = await admin.post(`/api/v1/users/${user.id}/password`, { password: temporaryPassword, mustChange: true, notify: false })
    expect(set.status, set.text).toBe(200)
    // A session opened before the temporary password does not stay a full one.
    expectRefusal(await as(earlierToken).get(urlOf(endpoints.getMe)), 401, 'UNAUTHORIZED')

    const token = await restrictedPortalSignIn(user.login)
    const otherToken = await restrictedPortalSignIn(user.login)
    await expectPortalRestricted(token, { ...user, version: (await userRow(user.id)).version })
    await choosePortalPassword(token, user.id, otherToken)
  })

  it.runIf(backend.enabled)('the helpdesk’s temporary password (support agent, ticket) is held to the same rule, and signing out stays open', async () => {
    const user = takePortalUser()
    const set = await support.post(`/api/v1/users/${user.id}/password`, { password: temporaryPassword, mustChange: true, notify: true }, ticket)
    expect(set.status, set.text).toBe(200)

    const token = await restrictedPortalSignIn(user.login)
    const leaving = await restrictedPortalSignIn(user.login)
    await expectPortalRestricted(token, { ...user, version: (await userRow(user.id)).version })
    expect((await as(leaving).send('POST', urlOf(endpoints.portalLogout))).status).toBe(204)
    const another = await restrictedPortalSignIn(user.login)
    await choosePortalPassword(token, user.id, another)
  })

  it.runIf(backend.enabled)('a reset link followed instead clears "must change" too: the password chosen there signs in fully', async () => {
    const user = takePortalUser()
    expect((await admin.post(`/api/v1/users/${user.id}/password`, { password: temporaryPassword, mustChange: true, notify: false })).status).toBe(200)
    const sent = await admin.post(`/api/v1/users/${user.id}/reset-link`)
    expect(sent.status, sent.text).toBe(200)
    const mail = await db().selectFrom('outbox').select('body_text').where('user_id', '=', user.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    const token = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.body_text ?? '')?.[1]
    expect(token).toBeDefined()
    const redeemed = await portal.request('POST', '/reset-password', { json: { token, password: chosenPassword } })
    expect(redeemed.status, redeemed.text).toBe(200)
    expect((await userRow(user.id)).must_change_password).toBe(false)

    const signedIn = await portalLogin(portal, user.login, chosenPassword)
    const body = portalLoginResponse.parse(signedIn.body)
    expect(body.passwordChangeRequired).toBeUndefined()
    expect((await as(body.token).get(urlOf(endpoints.getMe))).status).toBe(200)
  })

  it.runIf(backend.enabled)('the restriction is read from the account at each request, not only at sign-in', async () => {
    const user = takePortalUser()
    const response = await portalLogin(portal, user.login, testPassword)
    const token = portalLoginResponse.parse(response.body).token
    expect((await as(token).get(urlOf(endpoints.getMe))).status).toBe(200)
    await db().updateTable('users').set({ must_change_password: true }).where('id', '=', user.id).execute()
    expectPasswordChangeRequired(await as(token).get(urlOf(endpoints.getMe)))
    await db().updateTable('users').set({ must_change_password: false }).where('id', '=', user.id).execute()
    expect((await as(token).get(urlOf(endpoints.getMe))).status).toBe(200)
  })

  for (const who of ['otherSupport', 'otherAdministrator'] as const) {
    it.runIf(backend.enabled)(`an operator (${who}) with a temporary password gets a session that can only choose a new one`, async () => {
      const login = seededOperators[who]
      const target = await db().selectFrom('users').select(['id']).where('login', '=', login).executeTakeFirstOrThrow()
      await admin.reauth()
      const set = await admin.post(`/api/v1/users/${target.id}/password`, { password: temporaryPassword, mustChange: true, notify: false })
      expect(set.status, set.text).toBe(200)

      const signIn = async () => {
        const response = await portal.request('POST', '/api/v1/auth/login', { json: { login, password: temporaryPassword } })
        expect(response.status, response.text).toBe(200)
        const body = loginResponse.parse(response.body)
        expect(body.passwordChangeRequired).toBe(true)
        expect(body.operator.passwordChangeRequired).toBe(true)
        return body.token
      }
      const token = await signIn()
      const other = await signIn()
      const client = as(token)

      expectPasswordChangeRequired(await client.get('/api/v1/users?kind=portal'))
      expectPasswordChangeRequired(await expectNothingChanged(portal, () => client.send('POST', '/api/v1/users', { kind: 'portal', name: 'Blocked Write', email: 'blocked.write@example.com' })))
      expectPasswordChangeRequired(await client.get('/api/v1/audit'))
      expectPasswordChangeRequired(await client.get('/api/v1/auth/account'))
      expectPasswordChangeRequired(await client.get('/api/v1/auth/account/sessions'))
      expectPasswordChangeRequired(await client.send('POST', '/api/v1/auth/reauth', { password: temporaryPassword }))
      // Who am I stays open, so that the desk knows what to show.
      const me = await client.get('/api/v1/auth/me')
      expect(me.status, me.text).toBe(200)
      expect(operatorSchema.parse(me.body).passwordChangeRequired).toBe(true)

      const before = await userRow(target.id)
      const same = await client.send('POST', '/api/v1/auth/account/password', { currentPassword: temporaryPassword, newPassword: temporaryPassword })
      expectRefusal(same, 400, 'VALIDATION')
      expect((same.body as { error: { details: unknown } }).error.details).toEqual([expect.objectContaining({ path: 'newPassword', reason: 'sameAsCurrentPassword' })])
      expect(await userRow(target.id)).toEqual(before)

      const changed = await client.send('POST', '/api/v1/auth/account/password', { currentPassword: temporaryPassword, newPassword: chosenPassword })
      expect(changed.status, changed.text).toBe(200)
      expect(changed.body).toEqual({ sessionsRevoked: 1 })
      expect((await userRow(target.id)).must_change_password).toBe(false)
      expect(await lastAudit(target.id)).toMatchObject({ action: 'password.change', actor_id: target.id })
      expect((await lastAudit(target.id)).changes).toMatchObject({ mustChange: { from: true, to: false } })

      expectRefusal(await as(other).get('/api/v1/auth/me'), 401, 'UNAUTHORIZED')
      const users = await client.get('/api/v1/users?kind=portal')
      expect(users.status, users.text).toBe(200)
      expect(operatorSchema.parse((await client.get('/api/v1/auth/me')).body).passwordChangeRequired).toBeUndefined()
      expect((await client.send('POST', '/api/v1/auth/logout')).status).toBe(204)

      // Put the seeded password back for whoever signs in as this operator next.
      await admin.reauth()
      expect((await admin.post(`/api/v1/users/${target.id}/password`, { password: testPassword, mustChange: false, notify: false })).status).toBe(200)
    })
  }

  it.runIf(backend.enabled)('an operator signed in when a temporary password is set may sign out, and nothing else until it is replaced', async () => {
    const login = seededOperators.otherSupport
    const target = await db().selectFrom('users').select(['id']).where('login', '=', login).executeTakeFirstOrThrow()
    const full = await signInAs(portal, login)
    expect((await full.get('/api/v1/users?kind=portal')).status).toBe(200)
    await db().updateTable('users').set({ must_change_password: true }).where('id', '=', target.id).execute()
    expectPasswordChangeRequired(await full.get('/api/v1/users?kind=portal'))
    expect((await full.post('/api/v1/auth/logout')).status).toBe(204)
    await db().updateTable('users').set({ must_change_password: false }).where('id', '=', target.id).execute()
  })
})

