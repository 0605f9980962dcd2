import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redactSecretQueryValues } from '../../src/shared/log-redaction'
import { backends } from './support/backends'
import { startTestPortal, type TestPortal } from './support/portal'

const newPassword = 'Kettle-Harbour-Violet-42'

describe.each(backends)('no log line holds a link token ($name)', (backend) => {
  let portal: TestPortal

  beforeAll(async () => {
    if (!backend.enabled) return
    // The most talkative level: every request, every refusal, every framework line.
    portal = await startTestPortal(backend, { portalUsers: 20, logLevel: 'trace' })
  })

  afterAll(async () => {
    await portal?.close()
  })

  it.runIf(backend.enabled)('a full reset flow (link, page, a wrong and a right POST, odd URLs) leaves no trace of the token in the log', async () => {
    const token = await portal.signIn()
    const list = await portal.request('GET', '/api/v1/users?kind=portal&limit=50', { token })
    const target = (list.body as { items: { id: number; email: string | null }[] }).items.find((user) => user.email !== null)
    expect(target).toBeDefined()
    const sent = await portal.request('POST', `/api/v1/users/${target?.id}/reset-link`, { token })
    expect(sent.status).toBe(200)

    // The link as the user receives it: the email waits in the outbox (no SMTP in tests).
    const mail = await portal.server.database.db
      .selectFrom('outbox')
      .select('body_text')
      .where('user_id', '=', target?.id ?? 0)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const link = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1]
    expect(link).toMatch(/^[A-Za-z0-9_-]{32,}$/)
    const secret = link ?? ''

    expect((await portal.request('GET', `/reset-password?token=${secret}`)).status).toBe(200)
    expect((await portal.request('GET', `/reset-password?lang=en&token=${encodeURIComponent(secret)}&x=1`)).status).toBe(200)
    // A path that does not exist, a malformed query and a mismatched confirmation: the refusals log too.
    expect((await portal.request('GET', `/reset-password/extra?token=${secret}`)).status).toBe(404)
    expect((await portal.request('GET', `/api/v1/users?token=${secret}`, { token })).status).toBeLessThan(500)
    const mismatch = await portal.request('POST', `/reset-password?token=${secret}`, { json: { token: secret, password: newPassword, confirm: 'something else' } })
    expect(mismatch.status).toBe(400)
    const form = await portal.request('POST', '/reset-password', {
      rawBody: new URLSearchParams({ token: secret, password: newPassword, confirm: newPassword }).toString(),
      contentType: 'application/x-www-form-urlencoded'
    })
    expect(form.status).toBe(200)
    // Used: the link is now refused, which logs as well.
    expect((await portal.request('GET', `/reset-password?token=${secret}`)).status).toBe(200)

    const log = portal.logLines.join('')
    for (const form of [secret, encodeURIComponent(secret), secret.slice(0, 16), secret.slice(-16)]) {
      expect(log.includes(form), `the log holds ${form}`).toBe(false)
    }
    // The requests were logged, only without the token.
    expect(log).toContain('/reset-password?token=[redacted]')
  })
})

describe('redactSecretQueryValues', () => {
  it('blanks the value of every secret parameter, wherever the URL sits, and leaves the rest', () => {
    expect(redactSecretQueryValues('GET /reset-password?token=abc&lang=zh')).toBe('GET /reset-password?token=[redacted]&lang=zh')
    expect(redactSecretQueryValues('{"url":"/email-change/undo?lang=en&TOKEN=abc"}')).toBe('{"url":"/email-change/undo?lang=en&TOKEN=[redacted]"}')
    expect(redactSecretQueryValues('/login?next=%2Freset-password%3Ftoken%3Dabc')).toBe('/login?next=%2Freset-password%3Ftoken%3D[redacted]')
    expect(redactSecretQueryValues('/x?code=123456 and /y?q=token')).toBe('/x?code=[redacted] and /y?q=token')
  })
})
