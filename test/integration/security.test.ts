import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiKeyList,
  lockState,
  passkeyList,
  paymentMethodList,
  revokeResult,
  sessionList,
  signInList,
  twoFactorDisableResult,
  twoFactorInviteResult
} from '../../src/shared/security'
import { createFixtureUser, idsOf, liveSessionIds } from './security-fixtures'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const ticket = { ticket: 'HD-4711' }

describe.each(backends)('security actions on a user on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 40 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db
  const lastAudit = (userId: number) =>
    db().selectFrom('audit_log').selectAll().where('target_user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const outboxOf = (userId: number) => db().selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('id').execute()

  it.runIf(backend.enabled)('invites to 2FA by email in the user language, with an audit row carrying the ticket', async () => {
    const user = await createFixtureUser(portal, { language: 'zh-CN' })
    const response = await support.post(urlOf(endpoints.inviteToTwoFactor, { id: user.id }), undefined, { ...ticket, reason: '客户要求 ✓' })
    expect(response.status, response.text).toBe(200)
    expect(twoFactorInviteResult.parse(response.body)).toEqual({ sentTo: user.email, mail: 'pending', mailId: expect.stringMatching(/^\d+$/), sentAt: portal.clock.now().toISOString() })
    const [mail] = await outboxOf(user.id)
    expect(mail).toMatchObject({ template: 'twoFactorInvitation', language: 'zh-CN', to_address: user.email, subject: '使用双重身份验证保护您的账户' })
    const website = await db().selectFrom('users as u').innerJoin('websites as w', 'w.id', 'u.website_id').select('w.url').where('u.id', '=', user.id).executeTakeFirstOrThrow()
    expect(mail?.body_text).toContain(website.url)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'twoFactor.invite', actor_id: support.id, actor_role: 'support', ticket_ref: 'HD-4711', reason: '客户要求 ✓' })
  })

  it.runIf(backend.enabled)('refuses a 2FA invitation when 2FA is already on, without an email, or for an archived account', async () => {
    const enrolled = await createFixtureUser(portal, { twoFactor: true })
    const refused = await expectNothingChanged(portal, () => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: enrolled.id })))
    expectRefusal(refused, 409, 'CONFLICT')
    expect(refused.text).toContain('already on')
    const noEmail = await createFixtureUser(portal, { email: null })
    expectRefusal(await expectNothingChanged(portal, () => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: noEmail.id }))), 409, 'CONFLICT')
    const archived = await createFixtureUser(portal, { active: false })
    expectRefusal(await expectNothingChanged(portal, () => admin.post(urlOf(endpoints.inviteToTwoFactor, { id: archived.id }))), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('disables 2FA for a lost device only after re-authentication: TOTP cleared, sessions revoked, user emailed', async () => {
    const user = await createFixtureUser(portal, { twoFactor: true, sessions: 2 })
    // An administrator: a support agent also needs a code verification of the caller (helpdesk.test.ts).
    const operator = await signInAs(portal, 'administrator')
    expectRefusal(await expectNothingChanged(portal, () => operator.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, ticket)), 403, 'REAUTH_REQUIRED')
    await operator.reauth()
    const response = await operator.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, ticket)
    expect(response.status, response.text).toBe(200)
    expect(twoFactorDisableResult.parse(response.body)).toEqual({ twoFactor: false, sessionsRevoked: 2, notified: true })
    expect(await db().selectFrom('totp').select('user_id').where('user_id', '=', user.id).execute()).toEqual([])
    expect(await liveSessionIds(portal, user.id)).toEqual([])
    expect((await outboxOf(user.id)).map((m) => m.template)).toEqual(['twoFactorDisabled'])
    const audit = await lastAudit(user.id)
    expect(audit).toMatchObject({ action: 'twoFactor.disable', ticket_ref: 'HD-4711', changes: { twoFactor: { from: true, to: false }, activeSessions: { from: 2, to: 0 } } })
    expect(JSON.stringify(audit)).not.toContain('JBSWY3DP')
    // Off already: a clear refusal, nothing changed.
    expectRefusal(await expectNothingChanged(portal, () => operator.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, ticket)), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('lets exactly one of two racing 2FA resets win', async () => {
    const user = await createFixtureUser(portal, { twoFactor: true, sessions: 1 })
    await admin.reauth()
    const answers = await Promise.all([admin.delete(urlOf(endpoints.disableTwoFactor, { id: user.id })), admin.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }))])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    expect(await auditCount(portal, { targetUserId: user.id, action: 'twoFactor.disable' })).toBe(1)
    expect((await outboxOf(user.id)).filter((m) => m.template === 'twoFactorDisabled')).toHaveLength(1)
  })

  it.runIf(backend.enabled)('lists passkeys without credentials and lets an administrator revoke one of the user’s own', async () => {
    const user = await createFixtureUser(portal, { passkeys: 2 })
    const other = await createFixtureUser(portal, { passkeys: 1 })
    const list = await support.get(urlOf(endpoints.listUserPasskeys, { id: user.id }))
    expect(list.status, list.text).toBe(200)
    const { items } = passkeyList.parse(list.body)
    expect(items.map((p) => p.name).sort()).toEqual(['Key 0', 'Key 1'])
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['backedUp', 'createdAt', 'deviceType', 'id', 'lastUsedAt', 'name'])

    const [otherKey] = await idsOf(portal, 'passkeys', other.id)
    expectRefusal(await expectNothingChanged(portal, () => admin.delete(urlOf(endpoints.revokeUserPasskey, { id: user.id, pid: otherKey ?? 0 }))), 404, 'NOT_FOUND')
    const [first] = await idsOf(portal, 'passkeys', user.id)
    const revoked = await admin.delete(urlOf(endpoints.revokeUserPasskey, { id: user.id, pid: first ?? 0 }))
    expect(revoked.status, revoked.text).toBe(200)
    expect(await idsOf(portal, 'passkeys', user.id)).toHaveLength(1)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'passkey.revoke', changes: { passkey: { from: { id: first, name: 'Key 0' }, to: null } } })
    expectRefusal(await expectNothingChanged(portal, () => admin.delete(urlOf(endpoints.revokeUserPasskey, { id: user.id, pid: first ?? 0 }))), 404, 'NOT_FOUND')
    // Operators never create passkeys: there is no such route.
    expectRefusal(await expectNothingChanged(portal, () => admin.post(urlOf(endpoints.listUserPasskeys, { id: user.id }), { name: 'Sneaky' })), 404, 'NOT_FOUND')
  })

  it.runIf(backend.enabled)('lists sessions (revoked only when asked), flags the caller’s own, and revokes one or all', async () => {
    const user = await createFixtureUser(portal, { sessions: 3 })
    const listed = sessionList.parse((await support.get(urlOf(endpoints.listUserSessions, { id: user.id }))).body)
    expect(listed.items).toHaveLength(3)
    expect(listed.items.every((s) => s.status === 'active' && !s.current && s.userAgent?.startsWith('Fixture browser') && s.ip?.startsWith('203.0.113.'))).toBe(true)
    expect(listed.items.map((s) => s.startedAt)).toEqual([...listed.items.map((s) => s.startedAt)].sort().reverse())
    const everything = sessionList.parse((await support.get(`${urlOf(endpoints.listUserSessions, { id: user.id })}?includeRevoked=true`)).body)
    expect(everything.items.filter((s) => s.status === 'revoked')).toHaveLength(1)

    const own = sessionList.parse((await admin.get(urlOf(endpoints.listUserSessions, { id: admin.id }))).body)
    expect(own.items.filter((s) => s.current)).toHaveLength(1)

    const [one, ...rest] = await liveSessionIds(portal, user.id)
    const [foreign] = await liveSessionIds(portal, admin.id)
    expectRefusal(await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.revokeUserSession, { id: user.id, sid: foreign ?? '1' }), undefined, ticket)), 404, 'NOT_FOUND')
    const single = await support.delete(urlOf(endpoints.revokeUserSession, { id: user.id, sid: one ?? '1' }), undefined, ticket)
    expect(revokeResult.parse(single.body)).toEqual({ revoked: 1 })
    expect(await liveSessionIds(portal, user.id)).toEqual(rest)
    expectRefusal(await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.revokeUserSession, { id: user.id, sid: one ?? '1' }), undefined, ticket)), 409, 'CONFLICT')

    const before = await auditCount(portal, { targetUserId: user.id, action: 'sessions.revoke' })
    const all = await support.delete(urlOf(endpoints.listUserSessions, { id: user.id }), undefined, ticket)
    expect(revokeResult.parse(all.body)).toEqual({ revoked: 2 })
    expect(await liveSessionIds(portal, user.id)).toEqual([])
    expect(await auditCount(portal, { targetUserId: user.id, action: 'sessions.revoke' })).toBe(before + 1)
  })

  it.runIf(backend.enabled)('keeps the operator’s own session when they sign themselves out everywhere', async () => {
    const self = await signInAs(portal, 't.becker')
    await signInAs(portal, 't.becker')
    const answer = await self.delete(urlOf(endpoints.listUserSessions, { id: self.id }))
    expect(revokeResult.parse(answer.body).revoked).toBeGreaterThanOrEqual(1)
    expect((await self.get('/api/v1/auth/me')).status).toBe(200)
    expect(await liveSessionIds(portal, self.id)).toHaveLength(1)
  })

  it.runIf(backend.enabled)('lists API keys without their hash and revokes one', async () => {
    const user = await createFixtureUser(portal, { apiKeys: 2 })
    const response = await support.get(urlOf(endpoints.listUserApiKeys, { id: user.id }))
    expect(response.text).not.toMatch(/hash/i)
    const { items } = apiKeyList.parse(response.body)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({ scope: 'read', prefix: expect.stringMatching(/^pk_/), revokedAt: null, expiresAt: null, lastUsedAt: null })

    const [kid] = await idsOf(portal, 'api_keys', user.id)
    expectRefusal(await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.revokeUserApiKey, { id: user.id, kid: kid ?? 0 }), undefined, ticket)), 403, 'FORBIDDEN')
    expect(revokeResult.parse((await admin.delete(urlOf(endpoints.revokeUserApiKey, { id: user.id, kid: kid ?? 0 }))).body)).toEqual({ revoked: 1 })
    expect(apiKeyList.parse((await admin.get(urlOf(endpoints.listUserApiKeys, { id: user.id }))).body).items).toHaveLength(1)
    expect(apiKeyList.parse((await admin.get(`${urlOf(endpoints.listUserApiKeys, { id: user.id })}?includeRevoked=true`)).body).items).toHaveLength(2)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'apiKey.revoke', changes: { prefix: { from: 'pk_0abcdef' } } })
    expectRefusal(await expectNothingChanged(portal, () => admin.delete(urlOf(endpoints.revokeUserApiKey, { id: user.id, kid: kid ?? 0 }))), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('unlocks a temporarily locked account and clears its throttle window', async () => {
    const user = await createFixtureUser(portal, { lockedForMs: 10 * 60_000 })
    await db().insertInto('sign_in_throttle').values({ scope: 'account', key: `portal:${user.login}`, failures: 10, window_started_at: portal.clock.now(), blocked_until: null }).execute()
    const before = await db().selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()
    const response = await support.post(urlOf(endpoints.unlockUser, { id: user.id }), undefined, ticket)
    expect(response.status, response.text).toBe(200)
    expect(lockState.parse(response.body)).toEqual({ locked: false, lockedUntil: null, version: before.version })
    expect(await db().selectFrom('users').select(['locked_until', 'failed_sign_ins', 'lock_count']).where('id', '=', user.id).executeTakeFirst()).toEqual({
      locked_until: null,
      failed_sign_ins: 0,
      lock_count: 0
    })
    expect(await db().selectFrom('sign_in_throttle').select('key').where('key', '=', `portal:${user.login}`).execute()).toEqual([])
    expect(await lastAudit(user.id)).toMatchObject({ action: 'lock.unlock', changes: { failedSignIns: { from: 10, to: 0 } } })
    expectRefusal(await expectNothingChanged(portal, () => support.post(urlOf(endpoints.unlockUser, { id: user.id }), undefined, ticket)), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('lists the last 50 sign-in attempts, newest first, successful and failed', async () => {
    const user = await createFixtureUser(portal)
    const start = portal.clock.now().getTime()
    await db()
      .insertInto('sign_in_attempts')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          user_id: user.id,
          audience: 'portal' as const,
          login: user.login,
          ip: `198.51.100.${i}`,
          user_agent: `Agent ${i}`,
          at: new Date(start - (60 - i) * 1000),
          success: i % 3 === 0,
          reason: i % 3 === 0 ? null : 'wrong_password'
        }))
      )
      .execute()
    const { items, recentFailures } = signInList.parse((await support.get(urlOf(endpoints.listUserSignIns, { id: user.id }))).body)
    expect(items).toHaveLength(50)
    // Failures since the last success (59 and 58; 57 succeeded), counted by the server.
    expect(recentFailures).toEqual({ count: 2, since: new Date(start - 3000).toISOString() })
    expect(items[0]).toMatchObject({ ip: '198.51.100.59', userAgent: 'Agent 59', success: false, reason: 'wrong_password' })
    expect(items.at(-1)?.userAgent).toBe('Agent 10')
    expect(items.some((a) => a.success)).toBe(true)
  })

  it.runIf(backend.enabled)('shows payment methods masked with brand and expiry, and deletes one (no edit)', async () => {
    const user = await createFixtureUser(portal, { paymentMethods: 2 })
    const response = await support.get(urlOf(endpoints.listUserPaymentMethods, { id: user.id }))
    expect(response.text).not.toContain('demo_')
    const { items } = paymentMethodList.parse(response.body)
    expect(items.map((m) => m.masked).sort()).toEqual(['•••• 4240', '•••• 4241'])
    expect(items[0]).toMatchObject({ brand: 'visa', expiry: '03/2031', expired: false })

    const [pmid] = await idsOf(portal, 'payment_methods', user.id)
    expectRefusal(await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.deleteUserPaymentMethod, { id: user.id, pmid: pmid ?? 0 }), undefined, ticket)), 403, 'FORBIDDEN')
    expect((await admin.delete(urlOf(endpoints.deleteUserPaymentMethod, { id: user.id, pmid: pmid ?? 0 }))).status).toBe(200)
    expect(await idsOf(portal, 'payment_methods', user.id)).toHaveLength(1)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'paymentMethod.delete', changes: { paymentMethod: { from: { brand: 'visa', masked: '•••• 4240' }, to: null } } })
    expectRefusal(await expectNothingChanged(portal, () => admin.delete(urlOf(endpoints.deleteUserPaymentMethod, { id: user.id, pmid: pmid ?? 0 }))), 404, 'NOT_FOUND')
    expect((await admin.request('PATCH', urlOf(endpoints.deleteUserPaymentMethod, { id: user.id, pmid: pmid ?? 0 }), { json: { last4: '1111' } })).status).toBe(404)
  })
})
