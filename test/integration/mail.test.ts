import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { outboxPage } from '../../src/shared/outbox'
import { sendResetLinkResponse } from '../../src/shared/passwords'
import { startPortalServer } from '../../src/server/server'
import { smtpTransport } from '../../src/server/mail/smtp-transport'
import { createMailWorker, type MailWorker } from '../../src/server/mail/worker'
import { backends, emptyDatabase } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testConfig, testPassword, type TestPortal } from './support/portal'
import { startSmtpServer, textBody } from '../support/smtp-mailbox'

const newPassword = 'lantern Quarry pelican 88'

describe.each(backends)('mail delivery on $name', (backend) => {
  let portal: TestPortal
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let worker: MailWorker
  let admin: OperatorClient
  let nextUser = 0

  beforeAll(async () => {
    if (!backend.enabled) return
    smtp = await startSmtpServer()
    portal = await startTestPortal(backend, { portalUsers: 80 })
    worker = createMailWorker({ db: portal.server.database.db, clock: portal.clock, transport: smtpTransport(smtp.url), from: 'Portal <no-reply@example.test>' })
    admin = await signInAs(portal, 'administrator')
  })
  afterAll(async () => {
    await worker?.stop()
    await portal?.close()
    await smtp?.close()
  })
  beforeEach(async () => {
    if (!backend.enabled) return
    smtp.state.mode = 'accept'
    // Each test starts from an outbox with nothing due.
    await portal.server.database.db.updateTable('outbox').set({ status: 'failed', next_attempt_at: null }).where('status', '=', 'pending').execute()
    smtp.received.length = 0
    admin = await signInAs(portal, 'administrator')
  })

  const db = () => portal.server.database.db

  /** An active portal user with an email and no 2FA, so that a password alone signs in. */
  async function portalUser() {
    const user = await db()
      .selectFrom('users')
      .selectAll()
      .where('kind', '=', 'portal')
      .where('active', '=', true)
      .where('email', 'is not', null)
      .where('deleted_at', 'is', null)
      .where('id', 'not in', db().selectFrom('totp').select('user_id'))
      .orderBy('id')
      .offset(nextUser++)
      .limit(1)
      .executeTakeFirstOrThrow()
    return user
  }

  const outboxRow = (id: string) => db().selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it.runIf(backend.enabled)('delivers the reset link over SMTP; the link sets a password that signs in', async () => {
    const user = await portalUser()
    const sent = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, blocked: 0 })

    expect(smtp.received).toHaveLength(1)
    const message = smtp.received[0]
    expect(message?.to.map((address) => address.toLowerCase())).toEqual([user.email?.trim().toLowerCase()])
    expect(message?.from).toBe('no-reply@example.test')
    const text = textBody(message?.raw ?? '')
    const link = /(http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]{43})/.exec(text)?.[1]
    expect(link, text).toBeDefined()
    expect(link?.startsWith(portal.baseUrl)).toBe(true)

    const row = await outboxRow(sent.mailId)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, next_attempt_at: null })
    expect(row.sent_at?.getTime()).toBe(portal.clock.now().getTime())
    expect(row.body_text).not.toContain(link ?? 'no link')
    expect(row.body_text).toContain('token=[removed]')

    const page = await fetch(link ?? '')
    expect(page.status).toBe(200)
    const html = await page.text()
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1]
    expect(token).toBeDefined()
    const done = await fetch(`${portal.baseUrl}/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token ?? '', password: newPassword, confirm: newPassword }).toString()
    })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Your password is set')

    const login = await portal.request('POST', '/api/v1/portal/login', { json: { login: user.login, password: newPassword } })
    expect(login.status, login.text).toBe(200)
    expect((login.body as { token: string }).token.length).toBeGreaterThanOrEqual(32)
    const oldPassword = await portal.request('POST', '/api/v1/portal/login', { json: { login: user.login, password: testPassword } })
    expect(oldPassword.status).toBe(401)

    // The "password changed" notice follows through the same worker.
    expect((await worker.runOnce()).sent).toBe(1)
    expect(textBody(smtp.received[1]?.raw ?? '')).not.toContain(newPassword)
  })

  it.runIf(backend.enabled)('never mails a block-listed address, even one blocked after the email was queued', async () => {
    const user = await portalUser()
    const sent = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect(sent.mailStatus).toBe('pending')
    await db().insertInto('blocklist').values({ kind: 'email', value: (user.email ?? '').trim().toLowerCase(), created_at: portal.clock.now() }).execute()
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, blocked: 1 })
    expect(smtp.received).toHaveLength(0)
    const row = await outboxRow(sent.mailId)
    expect(row.status).toBe('blocked')
    expect(row.body_text).not.toMatch(/token=[A-Za-z0-9_-]{43}/)

    // Queued while blocked: never even pending.
    const again = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect(again.mailStatus).toBe('blocked')
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, blocked: 0 })
    expect(smtp.received).toHaveLength(0)
  })

  it.runIf(backend.enabled)('retries with exponential backoff while the SMTP server refuses for now, then delivers', async () => {
    const user = await portalUser()
    const sent = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    smtp.state.mode = 'temporary'
    const start = portal.clock.now().getTime()

    expect((await worker.runOnce()).retried).toBe(1)
    let row = await outboxRow(sent.mailId)
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.last_error).toContain('451')
    expect(row.next_attempt_at?.getTime()).toBe(start + 60_000)
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, blocked: 0 }) // not due yet

    portal.clock.advance(60_000)
    expect((await worker.runOnce()).retried).toBe(1)
    row = await outboxRow(sent.mailId)
    expect(row.attempts).toBe(2)
    expect(row.next_attempt_at?.getTime()).toBe(start + 60_000 + 120_000)

    portal.clock.advance(119_999)
    expect((await worker.runOnce()).retried).toBe(0)
    portal.clock.advance(1)
    smtp.state.mode = 'accept'
    expect((await worker.runOnce()).sent).toBe(1)
    row = await outboxRow(sent.mailId)
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null })
    expect(smtp.received).toHaveLength(1)
    expect(smtp.state.refusals).toBeGreaterThanOrEqual(2)
  })

  it.runIf(backend.enabled)('gives up on a permanent refusal at once, and on a temporary one after the last attempt', async () => {
    const user = await portalUser()
    smtp.state.mode = 'permanent'
    const permanent = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect((await worker.runOnce()).failed).toBe(1)
    const row = await outboxRow(permanent.mailId)
    expect(row).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null })
    expect(row.last_error).toContain('550')
    expect(row.body_text).not.toMatch(/token=[A-Za-z0-9_-]{43}/)

    smtp.state.mode = 'temporary'
    const patient = createMailWorker({ db: db(), clock: portal.clock, transport: smtpTransport(smtp.url), from: 'p@example.test', maxAttempts: 2, retryBaseMs: 1_000 })
    const other = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect((await patient.runOnce()).retried).toBe(1)
    portal.clock.advance(1_000)
    expect((await patient.runOnce()).failed).toBe(1)
    expect(await outboxRow(other.mailId)).toMatchObject({ status: 'failed', attempts: 2 })
    await patient.stop()
  })

  it.runIf(backend.enabled)('lists the outbox for administrators only, newest first, filtered by status, in keyset pages', async () => {
    const user = await portalUser()
    for (let i = 0; i < 3; i++) await admin.post(`/api/v1/users/${user.id}/reset-link`)
    const page = outboxPage.parse((await admin.get(`/api/v1/outbox?status=pending&userId=${user.id}&limit=2`)).body)
    expect(page.deliveryEnabled).toBe(false)
    expect(page.items).toHaveLength(2)
    expect(page.items.every((item) => item.status === 'pending' && item.userId === user.id && item.template === 'resetLink')).toBe(true)
    expect(BigInt(page.items[0]?.id ?? 0)).toBeGreaterThan(BigInt(page.items[1]?.id ?? 0))
    expect(JSON.stringify(page)).not.toContain('token=')
    const next = outboxPage.parse((await admin.get(`/api/v1/outbox?status=pending&userId=${user.id}&limit=2&cursor=${page.nextCursor}`)).body)
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()

    const support = await signInAs(portal, 'support')
    expectRefusal(await support.get('/api/v1/outbox'), 403, 'FORBIDDEN')
    expectRefusal(await support.get('/api/v1/outbox', { ticket: 'HD-1' }), 403, 'FORBIDDEN')
    expectRefusal(await portal.request('GET', '/api/v1/outbox'), 401, 'UNAUTHORIZED')
    for (const query of ['status=nope', 'limit=0', 'limit=100000', 'cursor=abc', "cursor=1'or'1", 'userId=-1', 'extra=1', `status=${'x'.repeat(10_000)}`, 'status=%E7%8E%8B']) {
      expectRefusal(await expectNothingChanged(portal, () => admin.get(`/api/v1/outbox?${query}`)), 400, 'VALIDATION')
    }
  })

  it.runIf(backend.enabled)('starts the worker with the server when SMTP_URL is set, and stops it on close', async () => {
    const database = await backend.provision(emptyDatabase)
    const server = await startPortalServer({ config: { ...testConfig(database), smtpUrl: smtp.url, mailFrom: 'Portal <p@example.test>' } })
    try {
      expect(server.mailWorker).not.toBeNull()
      expect(await server.mailWorker?.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, blocked: 0 })
    } finally {
      await server.close()
      await database.dispose()
    }
    // The test portal has no SMTP_URL: no worker, emails stay pending.
    expect(portal.server.mailWorker).toBeNull()
  })
})
