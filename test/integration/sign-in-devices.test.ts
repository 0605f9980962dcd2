import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loginResponse } from '../../src/shared/auth'
import { portalLoginResponse } from '../../src/shared/portal'
import { signInList } from '../../src/shared/security'
import { pruneBatch } from '../../src/server/domain/sign-in/prune'
import { backends } from './support/backends'
import { expectRefusal } from './support/operators'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { auditActions, portalLogin, signInablePortalUsers, type PortalUserRow } from './portal-helpers'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const minute = 60_000
const day = 24 * 60 * minute
const wrong = 'definitely not the password'

/**
 * Lockout that cannot be used as a weapon (OWASP device cookies), over real HTTP. The server runs with
 * TRUST_PROXY=1, so each request names its client address in X-Forwarded-For: the attacker spreads
 * its guesses over many addresses, as a botnet would, and the per-IP limit stays out of the way.
 */
describe.each(backends)('sign-in device tokens on $name', (backend) => {
  let portal: TestPortal
  let users: PortalUserRow[]
  let next = 0
  let attackerAddress = 0
  const takeUser = () => {
    const user = users[next++]
    if (!user) throw new Error('not enough seeded portal users')
    return user
  }
  const db = () => portal.server.database.db
  /** A fresh address for each guess: only the account's own protection can stop the attacker. */
  const attacker = () => ({ 'x-forwarded-for': `198.18.${Math.floor(attackerAddress / 250)}.${(attackerAddress++ % 250) + 1}` })
  const owner = { 'x-forwarded-for': '192.0.2.10' }
  const portalAttempt = (login: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = attacker()) =>
    portalLogin(portal, login, password, extra, headers)
  const operatorAttempt = (login: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = attacker()) =>
    portal.request('POST', '/api/v1/auth/login', { json: { login, password, ...extra }, headers })
  const failPortal = async (login: string, times: number, extra: Record<string, unknown> = {}) => {
    for (let i = 0; i < times; i++) expectRefusal(await portalAttempt(login, wrong, extra), 401, 'INVALID_CREDENTIALS')
  }
  const deviceTokenOf = (response: ApiResponse): string => {
    expect(response.status, response.text).toBe(200)
    const token = portalLoginResponse.parse(response.body).deviceToken
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    return token ?? ''
  }
  const lockState = (id: number) => db().selectFrom('users').select(['locked_until', 'lock_count', 'failed_sign_ins']).where('id', '=', id).executeTakeFirstOrThrow()
  const throttleRow = (key: string) => db().selectFrom('sign_in_throttle').selectAll().where('scope', '=', 'account').where('key', '=', key).executeTakeFirst()

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 80, config: { trustProxy: 1 } })
    users = await signInablePortalUsers(portal, 20)
  })
  afterAll(async () => {
    await portal?.close()
  })
  beforeEach(() => {
    portal?.clock.advance(16 * minute)
  })

  it.runIf(backend.enabled)('lockout as a weapon: the attacker locks out unknown devices (1, 2, 4, 8, then 15 minutes), never the owner on their device', async () => {
    const victim = takeUser()
    let token = deviceTokenOf(await portalAttempt(victim.login, testPassword, {}, owner))
    const durations: number[] = []
    for (let round = 0; round < 6; round++) {
      await failPortal(victim.login, 10, round % 2 === 0 ? {} : { deviceToken: randomBytes(32).toString('base64url') })
      const lock = await lockState(victim.id)
      const lockedFor = (lock.locked_until?.getTime() ?? 0) - portal.clock.now().getTime()
      durations.push(lockedFor / minute)

      // Unknown devices share the lock, right password or not; the attacker's hammering does not extend it.
      expectRefusal(await portalAttempt(victim.login, testPassword), 401, 'INVALID_CREDENTIALS')
      await failPortal(victim.login, 3)
      expect((await lockState(victim.id)).locked_until?.getTime()).toBe(lock.locked_until?.getTime())

      // The owner's client, with its device token, signs in during the lock.
      const signedIn = await portalAttempt(victim.login, testPassword, { deviceToken: token }, owner)
      token = deviceTokenOf(signedIn)
      expect((await lockState(victim.id)).locked_until?.getTime()).toBe(lock.locked_until?.getTime())
      portal.clock.advance(lockedFor + 1000)
    }
    expect(durations).toEqual([1, 2, 4, 8, 15, 15])
    const devices = await db().selectFrom('sign_in_devices').select(['failures', 'locked_until']).where('user_id', '=', victim.id).execute()
    expect(devices).toEqual([{ failures: 0, locked_until: null }])
  })

  it.runIf(backend.enabled)("judges a trusted device on its own counter: its 10 failures lock only that device, with the account's backoff", async () => {
    const user = takeUser()
    const token = deviceTokenOf(await portalAttempt(user.login, testPassword, {}, owner))
    for (let i = 0; i < 10; i++) expectRefusal(await portalAttempt(user.login, wrong, { deviceToken: token }, owner), 401, 'INVALID_CREDENTIALS')
    expectRefusal(await portalAttempt(user.login, testPassword, { deviceToken: token }, owner), 401, 'INVALID_CREDENTIALS')
    expect(await lockState(user.id)).toEqual({ locked_until: null, lock_count: 0, failed_sign_ins: 0 })
    expect(await throttleRow(`portal:${user.login.toLowerCase()}`)).toBeUndefined()
    expect((await auditActions(portal, user.id)).filter((row) => row.action === 'signIn.locked')).toEqual([])
    // Another of the owner's clients, unknown to the server, is not held by that device's lock.
    expect((await portalAttempt(user.login, testPassword)).status).toBe(200)

    portal.clock.advance(minute + 1000)
    expect(deviceTokenOf(await portalAttempt(user.login, testPassword, { deviceToken: token }, owner))).toBe(token)
    const device = await db().selectFrom('sign_in_devices').select(['failures', 'lock_count', 'locked_until']).where('user_id', '=', user.id).orderBy('id').executeTakeFirstOrThrow()
    expect(device).toEqual({ failures: 0, lock_count: 0, locked_until: null })
  })

  it.runIf(backend.enabled)("keeps the doors apart: portal failures on an operator's login leave the operator alone, and the reverse", async () => {
    const operatorRow = () => db().selectFrom('users').select(['locked_until', 'lock_count', 'failed_sign_ins', 'sign_in_failures_since']).where('login', '=', 'support').executeTakeFirstOrThrow()
    const supportBefore = await operatorRow()
    await failPortal('support', 12)
    expectRefusal(await portalAttempt('support', testPassword), 401, 'INVALID_CREDENTIALS')
    expect(await operatorRow()).toEqual(supportBefore)
    expect(await throttleRow('operator:support')).toBeUndefined()
    const support = await db().selectFrom('users').select('id').where('login', '=', 'support').executeTakeFirstOrThrow()
    const supportPortalAttempts = await db().selectFrom('sign_in_attempts').select('id').where('user_id', '=', support.id).where('audience', '=', 'portal').execute()
    expect(supportPortalAttempts).toEqual([])
    const operatorSignIn = await operatorAttempt('support', testPassword, {}, owner)
    expect(operatorSignIn.status, operatorSignIn.text).toBe(200)
    expect(loginResponse.parse(operatorSignIn.body).deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const user = takeUser()
    const portalBefore = await lockState(user.id)
    for (let i = 0; i < 12; i++) expectRefusal(await operatorAttempt(user.login, wrong), 401, 'INVALID_CREDENTIALS')
    expect(await lockState(user.id)).toEqual(portalBefore)
    expect(await throttleRow(`portal:${user.login.toLowerCase()}`)).toBeUndefined()
    expect((await portalAttempt(user.login, testPassword)).status).toBe(200)
  })

  it.runIf(backend.enabled)("keeps the owner's sensitive actions open during a lock: a password re-check in a session is judged on the device it was signed in from", async () => {
    // Portal: confirming one's own password (here: sign out everywhere else) inside the owner's session.
    const user = takeUser()
    const portalSession = await portalAttempt(user.login, testPassword, {}, owner)
    const portalToken = portalLoginResponse.parse(portalSession.body).token
    await failPortal(user.login, 10)
    expect((await lockState(user.id)).locked_until).not.toBeNull()
    const confirmed = await portal.request('POST', '/api/v1/me/sign-out-others', { token: portalToken, json: { password: testPassword }, headers: owner })
    expect(confirmed.status, confirmed.text).toBe(200)
    // The session's device keeps its own counter: a thief holding the session gets 10 guesses, then that device locks.
    for (let i = 0; i < 10; i++) {
      expectRefusal(await portal.request('POST', '/api/v1/me/sign-out-others', { token: portalToken, json: { password: wrong }, headers: owner }), 401, 'INVALID_CREDENTIALS')
    }
    expectRefusal(await portal.request('POST', '/api/v1/me/sign-out-others', { token: portalToken, json: { password: testPassword }, headers: owner }), 401, 'INVALID_CREDENTIALS')

    // Operator: the identity check (POST /auth/reauth) of a session opened before the attacker locked the account.
    const operatorSession = await operatorAttempt('m.garcia', testPassword, {}, owner)
    const operatorToken = loginResponse.parse(operatorSession.body).token
    for (let i = 0; i < 10; i++) expectRefusal(await operatorAttempt('m.garcia', wrong), 401, 'INVALID_CREDENTIALS')
    const garcia = await db().selectFrom('users').select('id').where('login', '=', 'm.garcia').executeTakeFirstOrThrow()
    expect((await lockState(garcia.id)).locked_until).not.toBeNull()
    expectRefusal(await operatorAttempt('m.garcia', testPassword), 401, 'INVALID_CREDENTIALS')
    const reauth = await portal.request('POST', '/api/v1/auth/reauth', { token: operatorToken, json: { password: testPassword }, headers: owner })
    expect(reauth.status, reauth.text).toBe(200)
  })

  it.runIf(backend.enabled)('counts attempts on a locked account or a locked unknown login toward the per-IP limit', async () => {
    const user = takeUser()
    await failPortal(user.login, 10)
    await failPortal('nobody-at-all', 10)
    const guesser = { 'x-forwarded-for': '192.0.2.99' }
    for (let i = 0; i < 25; i++) {
      expectRefusal(await portalAttempt(user.login, i % 2 ? testPassword : wrong, {}, guesser), 401, 'INVALID_CREDENTIALS')
      expectRefusal(await portalAttempt('nobody-at-all', wrong, {}, guesser), 401, 'INVALID_CREDENTIALS')
    }
    const other = takeUser()
    expectRefusal(await portalAttempt(other.login, testPassword, {}, guesser), 429, 'RATE_LIMITED')
    expect((await portalAttempt(other.login, testPassword)).status).toBe(200)
  })

  it.runIf(backend.enabled)("treats a token that is not this account's as no token: another user's, an expired one, an operator's at the portal door", async () => {
    const [alice, bob, carol] = [takeUser(), takeUser(), takeUser()]
    const aliceToken = deviceTokenOf(await portalAttempt(alice.login, testPassword, {}, owner))
    await failPortal(bob.login, 10)
    expectRefusal(await portalAttempt(bob.login, testPassword, { deviceToken: aliceToken }, owner), 401, 'INVALID_CREDENTIALS')
    // A made-up or malformed token is no token either, and never an error.
    for (const deviceToken of ['x', 'A'.repeat(43), 'é'.repeat(43)]) expectRefusal(await portalAttempt(bob.login, testPassword, { deviceToken }, owner), 401, 'INVALID_CREDENTIALS')
    expectRefusal(await portalAttempt(bob.login, testPassword, { deviceToken: 'x'.repeat(129) }, owner), 400, 'VALIDATION')

    const carolToken = deviceTokenOf(await portalAttempt(carol.login, testPassword, {}, owner))
    portal.clock.advance(90 * day + minute)
    await failPortal(carol.login, 10)
    expectRefusal(await portalAttempt(carol.login, testPassword, { deviceToken: carolToken }, owner), 401, 'INVALID_CREDENTIALS')

    const operatorToken = loginResponse.parse((await operatorAttempt('support', testPassword, {}, owner)).body).deviceToken
    const portalKey = 'portal:support'
    const before = (await throttleRow(portalKey))?.failures ?? 0
    expectRefusal(await portalAttempt('support', testPassword, { deviceToken: operatorToken }, owner), 401, 'INVALID_CREDENTIALS')
    expect((await throttleRow(portalKey))?.failures).toBe(before + 1)
    const operatorDevices = await db()
      .selectFrom('sign_in_devices as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select(['d.audience', 'd.failures'])
      .where('u.login', '=', 'support')
      .execute()
    expect(operatorDevices.every((device) => device.audience === 'operator' && device.failures === 0)).toBe(true)
  })

  it.runIf(backend.enabled)('clears the failure count the Security tab reads when an operator unlocks the account', async () => {
    const user = takeUser()
    await failPortal(user.login, 10)
    const admin = await portal.signIn()
    const read = async () => signInList.parse((await portal.request('GET', urlOf(endpoints.listUserSignIns, { id: user.id }), { token: admin })).body).recentFailures
    expect((await read()).count).toBe(10)
    const unlocked = await portal.request('POST', urlOf(endpoints.unlockUser, { id: user.id }), { token: admin })
    expect(unlocked.status, unlocked.text).toBe(200)
    expect(await read()).toEqual({ count: 0, since: portal.clock.now().toISOString() })
    portal.clock.advance(1000)
    expectRefusal(await portalAttempt(user.login, wrong), 401, 'INVALID_CREDENTIALS')
    expect((await read()).count).toBe(1)
  })

  it.runIf(backend.enabled)('prunes ended throttle windows, attempts past the 90-day history and expired device tokens, a bounded batch per sign-in', async () => {
    await failPortal('prune-me', 3)
    expect(await throttleRow('portal:prune-me')).toBeDefined()
    portal.clock.advance(91 * day)
    const now = portal.clock.now()
    const stale = async () => {
      const windowStart = new Date(now.getTime() - 15 * minute)
      const throttle = await db().selectFrom('sign_in_throttle').select('key').where('window_started_at', '<=', windowStart).where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)])).execute()
      const history = await db().selectFrom('sign_in_attempts').select('id').where('at', '<', new Date(now.getTime() - 90 * day)).execute()
      const devices = await db().selectFrom('sign_in_devices').select('id').where('expires_at', '<=', now).execute()
      return { throttle: throttle.length, history: history.length, devices: devices.length }
    }
    const before = await stale()
    expect(before.throttle).toBeGreaterThan(0)
    expect(before.history).toBeGreaterThan(0)
    expect(before.devices).toBeGreaterThan(0)
    const rounds = Math.ceil(Math.max(before.throttle, before.history, before.devices) / pruneBatch)
    for (let i = 0; i < rounds; i++) expectRefusal(await portalAttempt('prune-trigger', wrong), 401, 'INVALID_CREDENTIALS')
    expect(await stale()).toEqual({ throttle: 0, history: 0, devices: 0 })
    expect(await throttleRow('portal:prune-me')).toBeUndefined()
  })
})
