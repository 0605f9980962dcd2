import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../src/shared/audit'
import { reauthResponse } from '../../src/shared/auth'
import { withTransaction } from '../../src/server/db/transaction'
import { recordAudit, type AuditContext } from '../../src/server/domain/audit/record'
import { enqueueMail } from '../../src/server/domain/mail/outbox'
import { hashToken } from '../../src/server/domain/auth/tokens'
import { updateUserVersioned } from '../../src/server/domain/users/versioned-update'
import { toErrorResponse } from '../../src/server/http/errors'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, firstUser, signInAs, watchedTables, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'

describe.each(backends)('security foundation on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 120 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  })
  afterAll(async () => {
    await portal?.close()
  })

  const context = (overrides: Partial<AuditContext> = {}): AuditContext => ({
    at: portal.clock.now(),
    actorId: admin.id,
    actorLogin: admin.login,
    actorRole: 'administrator',
    ip: '127.0.0.1',
    userAgent: 'test',
    ticketRef: null,
    reason: null,
    ...overrides
  })

  it.runIf(backend.enabled)('seeds the security sample: documents, 2FA, passkeys, sessions, keys, payment methods', async () => {
    const db = portal.server.database.db
    const { rows } = await sql<Record<string, number>>`select
      (select count(*) from documents)::int as documents, (select count(*) from totp where enabled_at is not null)::int as totp,
      (select count(*) from passkeys)::int as passkeys, (select count(*) from sessions where audience = 'portal')::int as sessions,
      (select count(*) from api_keys)::int as api_keys, (select count(*) from payment_methods)::int as payment_methods,
      (select count(*) from users where birthday is not null)::int as birthdays`.execute(db)
    for (const [table, count] of Object.entries(rows[0] ?? {})) expect(count, table).toBeGreaterThan(0)
    const birthday = await db.selectFrom('users').select('birthday').where('birthday', 'is not', null).executeTakeFirstOrThrow()
    expect(birthday.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it.runIf(backend.enabled)('re-authenticates an operator for ten minutes', async () => {
    const operator = await signInAs(portal, 'administrator')
    const wrong = await expectNothingChanged(
      portal,
      () => operator.post('/api/v1/auth/reauth', { password: 'not the password' }),
      watchedTables.filter((table) => table !== 'users') // the guess is counted on the account (failed_sign_ins)
    )
    expectRefusal(wrong, 401, 'INVALID_CREDENTIALS')
    expect((await operator.get('/api/v1/auth/me')).status).toBe(200) // a wrong password keeps the session

    const right = await operator.post('/api/v1/auth/reauth', { password: 'correct horse battery staple' })
    expect(right.status, right.text).toBe(200)
    const { reauthenticatedUntil } = reauthResponse.parse(right.body)
    expect(new Date(reauthenticatedUntil).getTime()).toBe(portal.clock.now().getTime() + 10 * 60_000)
    const session = await portal.server.database.db.selectFrom('sessions').select('reauth_at').where('reauth_at', 'is not', null).executeTakeFirstOrThrow()
    expect(session.reauth_at?.getTime()).toBe(portal.clock.now().getTime())

    expectRefusal(await operator.post('/api/v1/auth/reauth', {}), 400, 'VALIDATION')
    expectRefusal(await portal.request('POST', '/api/v1/auth/reauth', { json: { password: 'x' } }), 401, 'UNAUTHORIZED')
    const attempts = await portal.server.database.db.selectFrom('sign_in_attempts').select(['success', 'reason']).where('user_id', '=', operator.id).orderBy('id').execute()
    expect(attempts.slice(-2)).toEqual([
      { success: false, reason: 'reauth_wrong_password' },
      { success: true, reason: 'reauth' }
    ])
  })

  it.runIf(backend.enabled)("counts wrong re-authentication passwords like failed sign-ins of the session's device, so a stolen token cannot guess the password", async () => {
    const operator = await signInAs(portal, 'support')
    for (let guess = 0; guess < 10; guess++) {
      expectRefusal(await operator.post('/api/v1/auth/reauth', { password: `guess number ${guess}` }), 401, 'INVALID_CREDENTIALS')
    }
    const db = portal.server.database.db
    // The session was signed in from a trusted device: that device locks, not the account its owner signs in to elsewhere.
    const device = await db
      .selectFrom('sessions as s')
      .innerJoin('sign_in_devices as d', 'd.id', 's.device_id')
      .select('d.locked_until')
      .where('s.token_hash', '=', hashToken(operator.token))
      .executeTakeFirstOrThrow()
    expect(device.locked_until?.getTime()).toBeGreaterThan(portal.clock.now().getTime())
    expect((await db.selectFrom('users').select('locked_until').where('id', '=', operator.id).executeTakeFirstOrThrow()).locked_until).toBeNull()
    // Locked: even the right password is refused now, and the session gains nothing.
    expectRefusal(await operator.post('/api/v1/auth/reauth', { password: 'correct horse battery staple' }), 401, 'INVALID_CREDENTIALS')
    const session = await portal.server.database.db.selectFrom('sessions').select('reauth_at').where('user_id', '=', operator.id).where('revoked_at', 'is', null).executeTakeFirstOrThrow()
    expect(session.reauth_at).toBeNull()
    // The lock is temporary: after it ends the right password works again.
    portal.clock.advance(16 * 60_000)
    expect((await operator.post('/api/v1/auth/reauth', { password: 'correct horse battery staple' })).status).toBe(200)
  })

  it.runIf(backend.enabled)('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const db = portal.server.database.db
    const target = await firstUser(portal, 'portal')
    await recordAudit(db, context(), { action: 'test.appendOnly', targetUserId: target.id, changes: { password: { from: 'a', to: 'b' } } })
    const row = await db.selectFrom('audit_log').selectAll().where('action', '=', 'test.appendOnly').executeTakeFirstOrThrow()
    expect(row.changes).toEqual({ password: { from: '[redacted]', to: '[redacted]' } })
    await expect(sql`update audit_log set reason = 'tampered' where id = ${row.id}`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/)
    expect(await auditCount(portal, { action: 'test.appendOnly' })).toBe(1)
  })

  it.runIf(backend.enabled)('rolls the audit row back with the write it records', async () => {
    const db = portal.server.database.db
    const before = await auditCount(portal)
    await expect(
      withTransaction(db, async (trx) => {
        await recordAudit(trx, context(), { action: 'test.rolledBack', targetUserId: null })
        throw new Error('the write failed')
      })
    ).rejects.toThrow('the write failed')
    expect(await auditCount(portal)).toBe(before)
  })

  it.runIf(backend.enabled)('lists the audit log newest first in keyset pages, with filters', async () => {
    const db = portal.server.database.db
    const target = await firstUser(portal, 'portal', { active: true })
    for (let i = 0; i < 5; i++) {
      portal.clock.advance(1000)
      await recordAudit(db, context({ ticketRef: `HD-${i}` }), { action: 'test.listed', targetUserId: target.id, changes: { country: { from: 'DE', to: `F${i}` } } })
    }
    const first = auditPage.parse((await admin.get(`/api/v1/audit?action=test.listed&limit=2`)).body)
    expect(first.items.map((e) => e.ticketRef)).toEqual(['HD-4', 'HD-3'])
    expect(first.items[0]).toMatchObject({ actor: { id: admin.id, login: 'admin', role: 'administrator' }, target: { id: target.id, login: target.login } })
    const second = auditPage.parse((await admin.get(`/api/v1/audit?action=test.listed&limit=2&cursor=${first.nextCursor}`)).body)
    const third = auditPage.parse((await admin.get(`/api/v1/audit?action=test.listed&limit=2&cursor=${second.nextCursor}`)).body)
    expect([...second.items, ...third.items].map((e) => e.ticketRef)).toEqual(['HD-2', 'HD-1', 'HD-0'])
    expect(third.nextCursor).toBeNull()

    const byUser = auditPage.parse((await admin.get(`/api/v1/audit?userId=${target.id}&actorId=${admin.id}&limit=200`)).body)
    expect(byUser.items.every((e) => e.target?.id === target.id && e.actor.id === admin.id)).toBe(true)
    const to = new Date(portal.clock.now().getTime() - 1500).toISOString()
    const early = auditPage.parse((await admin.get(`/api/v1/audit?action=test.listed&to=${encodeURIComponent(to)}`)).body)
    expect(early.items.map((e) => e.ticketRef)).toEqual(['HD-2', 'HD-1', 'HD-0'])

    expectRefusal(await admin.get('/api/v1/audit?cursor=garbage!'), 400, 'VALIDATION')
    expectRefusal(await admin.get('/api/v1/audit?userId=abc'), 400, 'VALIDATION')
    expectRefusal(await portal.request('GET', '/api/v1/audit'), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('shows support the audit of portal users only', async () => {
    const db = portal.server.database.db
    const internal = await firstUser(portal, 'internal')
    await recordAudit(db, context(), { action: 'test.internalTarget', targetUserId: internal.id })
    expect((await admin.get('/api/v1/audit?action=test.internalTarget')).body).toMatchObject({ items: [{ target: { id: internal.id } }] })
    expect(auditPage.parse((await support.get('/api/v1/audit?action=test.internalTarget')).body).items).toEqual([])
    expectRefusal(await support.get(`/api/v1/audit?userId=${internal.id}`), 403, 'FORBIDDEN')
    const page = auditPage.parse((await support.get('/api/v1/audit?limit=200')).body)
    expect(page.items.length).toBeGreaterThan(0)
    const targets = await db.selectFrom('users').select(['id', 'kind']).where('id', 'in', page.items.map((e) => e.target?.id ?? 0)).execute()
    expect(targets.every((t) => t.kind === 'portal')).toBe(true)
  })

  it.runIf(backend.enabled)('queues mail in the recipient language, and never mails a blocked address', async () => {
    const db = portal.server.database.db
    await db.insertInto('blocklist').values({ kind: 'email', value: 'blocked@example.com', created_at: portal.clock.now(), created_by: null, reason: 'test' }).execute()
    const data = { name: '李娜', changedAt: portal.clock.now().toISOString(), portalUrl: null }
    const sent = await enqueueMail(db, { userId: null, to: 'open@example.com', language: 'zh-CN', template: 'passwordChanged', data, now: portal.clock.now() })
    const blocked = await enqueueMail(db, { userId: null, to: ' Blocked@Example.com ', language: 'en', template: 'passwordChanged', data, now: portal.clock.now() })
    expect(sent.status).toBe('pending')
    expect(blocked.status).toBe('blocked')
    const rows = await db.selectFrom('outbox').selectAll().where('id', 'in', [sent.id, blocked.id]).orderBy('id').execute()
    expect(rows[0]).toMatchObject({ subject: '您的密码已更改', language: 'zh-CN', status: 'pending' })
    expect(rows[1]).toMatchObject({ status: 'blocked', next_attempt_at: null })
  })

  it.runIf(backend.enabled)('lets exactly one of two writers on the same version win', async () => {
    const db = portal.server.database.db
    const user = await firstUser(portal, 'portal', { active: true })
    const write = (city: string) => withTransaction(db, (trx) => updateUserVersioned(trx, user.id, user.version, { city }, portal.clock.now()))
    const results = await Promise.allSettled([write('Writer A'), write('Writer B')])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(toErrorResponse(lost[0]?.reason)).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', details: { currentVersion: user.version + 1 } } } })
    const after = await db.selectFrom('users').select(['version', 'city']).where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(after.version).toBe(user.version + 1)
  })

  it.runIf(backend.enabled)('maps a duplicate email from the database to 409 naming the field', async () => {
    const db = portal.server.database.db
    const [a, b] = await db.selectFrom('users').select(['id', 'email', 'version']).where('kind', '=', 'portal').where('email', 'is not', null).orderBy('id').limit(2).execute()
    if (!a || !b) throw new Error('the seed has too few users with an email')
    const error = await withTransaction(db, (trx) => updateUserVersioned(trx, b.id, b.version, { email: a.email?.toUpperCase() ?? null }, portal.clock.now())).catch(
      (e: unknown) => e
    )
    expect(toErrorResponse(error)).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', details: [{ path: 'email' }] } } })
  })

  it.runIf(backend.enabled)('lists the new routes in OpenAPI', async () => {
    const paths = Object.keys(((await portal.request('GET', '/api/docs/json')).body as { paths: Record<string, unknown> }).paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/reauth', '/api/v1/audit']))
  })
})
