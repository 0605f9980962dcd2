import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailboxList, mailboxMessage, mailStateResponse, mailStatus } from '../../src/shared/mail'
import { sendResetLinkResponse } from '../../src/shared/passwords'
import { backends } from './support/backends'
import { expectRefusal, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'
import { smtpTransport } from '../../src/server/mail/smtp-transport'
import { createMailWorker } from '../../src/server/mail/worker'
import { startSmtpServer } from '../support/smtp-mailbox'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const newPassword = 'harbour Violet kestrel 52'
const liveToken = /token=[A-Za-z0-9_-]{43}/

/** An active portal user with an email and no 2FA, so that a password alone signs in. */
async function portalUser(portal: TestPortal, offset: number) {
  const db = portal.server.database.db
  return db
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'portal')
    .where('active', '=', true)
    .where('email', 'is not', null)
    .where('deleted_at', 'is', null)
    .where('id', 'not in', db.selectFrom('totp').select('user_id'))
    .orderBy('id')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow()
}

describe.each(backends)('mail state on $name', (backend) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  /** SMTP_URL set, MAILBOX unset: a production portal. */
  let delivering: TestPortal
  /** No SMTP_URL, MAILBOX=local: the desk's embedded portal. */
  let local: TestPortal
  let deliveringAdmin: OperatorClient
  let localAdmin: OperatorClient

  beforeAll(async () => {
    if (!backend.enabled) return
    smtp = await startSmtpServer()
    // The worker's own timer is slowed down: each test drives it with runOnce().
    delivering = await startTestPortal(backend, { portalUsers: 6, config: { smtpUrl: smtp.url, mailFrom: 'Portal <p@example.test>', mailPollMs: 60_000 } })
    local = await startTestPortal(backend, { portalUsers: 6, config: { mailbox: 'local' } })
    deliveringAdmin = await signInAs(delivering, 'administrator')
    localAdmin = await signInAs(local, 'administrator')
  })
  afterAll(async () => {
    await delivering?.close()
    await local?.close()
    await smtp?.close()
  })

  it.runIf(backend.enabled)('reports whether the portal delivers mail and has a mailbox, to operators only', async () => {
    expect(mailStatus.parse((await deliveringAdmin.get(urlOf(endpoints.getMailStatus))).body)).toEqual({ delivery: 'smtp', mailbox: false })
    expect(mailStatus.parse((await localAdmin.get(urlOf(endpoints.getMailStatus))).body)).toEqual({ delivery: 'off', mailbox: true })
    expectRefusal(await delivering.request('GET', urlOf(endpoints.getMailStatus)), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)("follows an action's email from queued to sent, or failed with the SMTP server's words", async () => {
    const user = await portalUser(delivering, 0)
    const sent = sendResetLinkResponse.parse((await deliveringAdmin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect(mailStateResponse.parse((await deliveringAdmin.get(urlOf(endpoints.getMailState, { id: sent.mailId }))).body)).toMatchObject({ id: sent.mailId, state: 'queued', reason: null })

    // A support agent who may act on this portal user follows the email too, and never sees its body.
    const support = await signInAs(delivering, 'support')
    const seenBySupport = await support.get(urlOf(endpoints.getMailState, { id: sent.mailId }))
    expect(seenBySupport.status, seenBySupport.text).toBe(200)
    expect(seenBySupport.text).not.toContain('token')

    expect((await delivering.server.mailWorker?.runOnce())?.sent).toBe(1)
    const done = mailStateResponse.parse((await deliveringAdmin.get(urlOf(endpoints.getMailState, { id: sent.mailId }))).body)
    expect(done.state).toBe('sent')
    expect(done.sentAt).not.toBeNull()

    smtp.state.mode = 'permanent'
    try {
      const refused = sendResetLinkResponse.parse((await deliveringAdmin.post(`/api/v1/users/${user.id}/reset-link`)).body)
      expect((await delivering.server.mailWorker?.runOnce())?.failed).toBe(1)
      const failed = mailStateResponse.parse((await deliveringAdmin.get(urlOf(endpoints.getMailState, { id: refused.mailId }))).body)
      expect(failed.state).toBe('failed')
      expect(failed.reason).toContain('550')
    } finally {
      smtp.state.mode = 'accept'
    }

    expectRefusal(await deliveringAdmin.get(urlOf(endpoints.getMailState, { id: '999999999' })), 404, 'NOT_FOUND')
    expectRefusal(await deliveringAdmin.get(urlOf(endpoints.getMailState, { id: 'abc' })), 400, 'VALIDATION')
    expectRefusal(await delivering.request('GET', urlOf(endpoints.getMailState, { id: sent.mailId })), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('without MAILBOX=local the mailbox does not exist and stored bodies hold no live token', async () => {
    const user = await portalUser(delivering, 1)
    const sent = sendResetLinkResponse.parse((await deliveringAdmin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect((await delivering.server.mailWorker?.runOnce())?.sent).toBe(1)
    expectRefusal(await deliveringAdmin.get(urlOf(endpoints.listMailbox)), 404, 'NOT_FOUND')
    expectRefusal(await deliveringAdmin.get(urlOf(endpoints.getMailboxMessage, { id: sent.mailId })), 404, 'NOT_FOUND')
    const row = await delivering.server.database.db.selectFrom('outbox').select('body_text').where('id', '=', sent.mailId).executeTakeFirstOrThrow()
    expect(row.body_text).not.toMatch(liveToken)
  })

  it.runIf(backend.enabled)('with MAILBOX=local and no SMTP, the email is "off" and the mailbox shows it in full; its link sets a password', async () => {
    const user = await portalUser(local, 0)
    const sent = sendResetLinkResponse.parse((await localAdmin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    expect(mailStateResponse.parse((await localAdmin.get(urlOf(endpoints.getMailState, { id: sent.mailId }))).body).state).toBe('off')

    const list = mailboxList.parse((await localAdmin.get(urlOf(endpoints.listMailbox))).body)
    expect(list.items[0]).toMatchObject({ id: sent.mailId, to: user.email?.trim(), state: 'off', template: 'resetLink' })
    expect(JSON.stringify(list)).not.toContain('token=')

    const message = mailboxMessage.parse((await localAdmin.get(urlOf(endpoints.getMailboxMessage, { id: sent.mailId }))).body)
    const link = /(http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]{43})/.exec(message.body)?.[1]
    expect(link, message.body).toBeDefined()

    const page = await fetch(link ?? '')
    expect(page.status).toBe(200)
    const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1]
    const done = await fetch(`${local.baseUrl}/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token ?? '', password: newPassword, confirm: newPassword }).toString()
    })
    expect(done.status).toBe(200)
    const login = await local.request('POST', '/api/v1/portal/login', { json: { login: user.login, password: newPassword } })
    expect(login.status, login.text).toBe(200)

    // Support agents follow states but never read bodies, even here.
    const support = await signInAs(local, 'support')
    expectRefusal(await support.get(urlOf(endpoints.listMailbox)), 403, 'FORBIDDEN')
    expectRefusal(await support.get(urlOf(endpoints.getMailboxMessage, { id: sent.mailId })), 403, 'FORBIDDEN')
    expectRefusal(await localAdmin.get(urlOf(endpoints.getMailboxMessage, { id: '999999999' })), 404, 'NOT_FOUND')
  })

  it.runIf(backend.enabled)('a staging server with SMTP and MAILBOX=local keeps the full body once the email left (the worker keepBodies)', async () => {
    const user = await portalUser(local, 1)
    const sent = sendResetLinkResponse.parse((await localAdmin.post(`/api/v1/users/${user.id}/reset-link`)).body)
    const worker = createMailWorker({ db: local.server.database.db, clock: local.clock, transport: smtpTransport(smtp.url), from: 'p@example.test', keepBodies: true })
    try {
      expect((await worker.runOnce()).sent).toBeGreaterThanOrEqual(1)
    } finally {
      await worker.stop()
    }
    const row = await local.server.database.db.selectFrom('outbox').select(['status', 'body_text']).where('id', '=', sent.mailId).executeTakeFirstOrThrow()
    expect(row.status).toBe('sent')
    expect(row.body_text).toMatch(liveToken)
  })
})
