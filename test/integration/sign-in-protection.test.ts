import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withTransaction } from '../../src/server/db/transaction'
import { unlockAccount } from '../../src/server/domain/sign-in/throttle'
import { buildApp } from '../../src/server/http/app'
import { backends } from './support/backends'
import { expectRefusal } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { attempts, auditActions, portalLogin, signInablePortalUsers, type PortalUserRow } from './portal-helpers'

const minute = 60_000
const wrong = 'definitely not the password'

describe.each(backends)('sign-in protection on $name', (backend) => {
  let portal: TestPortal
  let users: PortalUserRow[]
  let next = 0
  const takeUser = () => {
    const user = users[next++]
    if (!user) throw new Error('not enough seeded portal users')
    return user
  }
  const lockedUntil = async (id: number) =>
    (await portal.server.database.db.selectFrom('users').select(['locked_until', 'lock_count', 'failed_sign_ins']).where('id', '=', id).executeTakeFirstOrThrow())
  const failTimes = async (login: string, times: number, path = '/api/v1/portal/login') => {
    for (let i = 0; i < times; i++) {
      const response = await portal.request('POST', path, { json: { login, password: wrong } })
      expectRefusal(response, 401, 'INVALID_CREDENTIALS')
    }
  }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 120 })
    users = await signInablePortalUsers(portal, 20)
  })
  afterAll(async () => {
    await portal?.close()
  })
  // Every test starts with the per-IP window (all tests come from 127.0.0.1) behind it.
  beforeEach(() => {
    portal?.clock.advance(16 * minute)
  })

  it.runIf(backend.enabled)('locks an account after 10 failures in 15 minutes, with the generic message, and audits it', async () => {
    const user = takeUser()
    await failTimes(user.login, 9)
    expect((await lockedUntil(user.id)).failed_sign_ins).toBe(9)
    expect((await portalLogin(portal, user.login)).status).toBe(200) // a success before the 10th starts over
    await failTimes(user.login, 9)
    expect((await lockedUntil(user.id)).locked_until).toBeNull()
    await failTimes(user.login, 1)
    const state = await lockedUntil(user.id)
    expect(state.locked_until?.getTime()).toBe(portal.clock.now().getTime() + minute)
    expect(state.lock_count).toBe(1)

    const whileLocked = await portalLogin(portal, user.login)
    const wrongPassword = await portalLogin(portal, user.login, wrong)
    expectRefusal(whileLocked, 401, 'INVALID_CREDENTIALS')
    expect(whileLocked.body).toEqual(wrongPassword.body)
    expect((await attempts(portal, user.id)).slice(-2).map((a) => a.reason)).toEqual(['locked', 'locked'])
    const audit = (await auditActions(portal, user.id)).filter((row) => row.action === 'signIn.locked')
    expect(audit).toEqual([{ action: 'signIn.locked', actor_role: 'system', actor_id: null }])

    portal.clock.advance(minute + 1)
    expect((await portalLogin(portal, user.login)).status).toBe(200)
    expect(await lockedUntil(user.id)).toEqual({ locked_until: null, lock_count: 0, failed_sign_ins: 0 })
  })

  it.runIf(backend.enabled)('locks exactly once when the failures arrive together', async () => {
    const user = takeUser()
    const responses = await Promise.all(Array.from({ length: 12 }, () => portalLogin(portal, user.login, wrong)))
    for (const response of responses) expectRefusal(response, 401, 'INVALID_CREDENTIALS')
    const state = await lockedUntil(user.id)
    expect(state.lock_count).toBe(1)
    expect(state.locked_until).not.toBeNull()
    expect((await auditActions(portal, user.id)).filter((row) => row.action === 'signIn.locked')).toHaveLength(1)
  })

  it.runIf(backend.enabled)('counts failures in a 15-minute window: slow guessing does not lock', async () => {
    const user = takeUser()
    await failTimes(user.login, 9)
    portal.clock.advance(15 * minute)
    await failTimes(user.login, 9)
    expect((await lockedUntil(user.id)).locked_until).toBeNull()
  })

  it.runIf(backend.enabled)('backs off exponentially up to 15 minutes, never for good, and attempts during a lock do not extend it', async () => {
    const user = takeUser()
    const durations: number[] = []
    for (let round = 0; round < 6; round++) {
      await failTimes(user.login, 10)
      const state = await lockedUntil(user.id)
      const duration = (state.locked_until?.getTime() ?? 0) - portal.clock.now().getTime()
      durations.push(duration / minute)
      // Hammering a locked account changes nothing (twice: each attempt counts toward this address's
      // limit of 50, and the first four rounds share its 15-minute window).
      await failTimes(user.login, 2)
      expect((await lockedUntil(user.id)).locked_until?.getTime()).toBe(state.locked_until?.getTime())
      portal.clock.advance(duration + 1000)
    }
    expect(durations).toEqual([1, 2, 4, 8, 15, 15])
    expect((await portalLogin(portal, user.login)).status).toBe(200)
  })

  it.runIf(backend.enabled)('treats an unknown login like a known one: it locks too, with the same answers', async () => {
    await failTimes('ghost-of-nobody', 10)
    const row = await portal.server.database.db.selectFrom('sign_in_throttle').selectAll().where('scope', '=', 'account').where('key', '=', 'portal:ghost-of-nobody').executeTakeFirstOrThrow()
    expect(row.blocked_until?.getTime()).toBeGreaterThan(portal.clock.now().getTime())
    expectRefusal(await portalLogin(portal, 'ghost-of-nobody', wrong), 401, 'INVALID_CREDENTIALS')
    const reasons = await portal.server.database.db.selectFrom('sign_in_attempts').select('reason').where('login', '=', 'ghost-of-nobody').orderBy('id').execute()
    expect(reasons.at(-1)?.reason).toBe('locked')
  })

  it.runIf(backend.enabled)('throttles an IP after 50 failures until its window ends (429), whatever account it tries', async () => {
    for (let i = 0; i < 50; i++) {
      const response = await portalLogin(portal, `spray-${i}`, wrong)
      expectRefusal(response, 401, 'INVALID_CREDENTIALS')
    }
    const user = takeUser()
    expectRefusal(await portalLogin(portal, user.login), 429, 'RATE_LIMITED')
    expectRefusal(await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin', password: testPassword } }), 429, 'RATE_LIMITED')
    expect((await attempts(portal, user.id)).at(-1)?.reason).toBe('ip_throttled')
    portal.clock.advance(15 * minute)
    expect((await portalLogin(portal, user.login)).status).toBe(200)
  })

  it.runIf(backend.enabled)('protects the operator login the same way; unlockAccount lifts a lock at once', async () => {
    const db = portal.server.database.db
    const support = await db.selectFrom('users').select(['id', 'version']).where('login', '=', 'support').executeTakeFirstOrThrow()
    await failTimes('support', 10, '/api/v1/auth/login')
    expectRefusal(await portal.request('POST', '/api/v1/auth/login', { json: { login: 'support', password: testPassword } }), 401, 'INVALID_CREDENTIALS')
    expect((await attempts(portal, support.id)).at(-1)).toEqual({ success: false, reason: 'locked', audience: 'operator' })

    const result = await withTransaction(db, (trx) => unlockAccount(trx, support.id, portal.clock.now()))
    expect(result.wasLocked).toBe(true)
    expect(result.before.lockCount).toBe(1)
    expect(result.after).toEqual({ lockedUntil: null, failedSignIns: 0, lockCount: 0 })
    const signedIn = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'support', password: testPassword } })
    expect(signedIn.status, signedIn.text).toBe(200)
    expect((await db.selectFrom('users').select('version').where('id', '=', support.id).executeTakeFirstOrThrow()).version).toBe(support.version)
  })

  it.runIf(backend.enabled)('keeps its counters in the database: another server instance sees the lock', async () => {
    const user = takeUser()
    await failTimes(user.login, 10)
    const other = await buildApp({
      db: portal.server.database.db,
      databaseKind: backend.name,
      config: { logLevel: 'silent', sessionIdleMs: 30 * minute, sessionAbsoluteMs: 12 * 60 * minute, host: '127.0.0.1' },
      clock: portal.clock
    })
    try {
      const response = await other.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { login: user.login, password: testPassword } })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } })
    } finally {
      await other.close()
    }
  })
})
