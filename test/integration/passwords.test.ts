import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setPasswordResponse, resetLinkStatusResponse, sendResetLinkResponse, requireResetResponse } from '../../src/shared/passwords'
import { verifyPassword } from '../../src/server/domain/auth/passwords'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, seededOperators, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'

const strongPassword = 'ziggurat-velvet-Nocturne-42'
const otherStrongPassword = 'marmalade Orbit kettle 1977'
const ticket = { ticket: 'HD-4711' }

describe.each(backends)('password actions on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient
  let nextUser = 0

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 120 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db

  /** Moves the clock; the operators' sessions idle out meanwhile, so they sign in again. */
  async function advance(ms: number) {
    portal.clock.advance(ms)
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  }

  /** A fresh active portal user with an email for each test, so that tests do not see each other's links. */
  async function portalUser() {
    const rows = await db()
      .selectFrom('users')
      .selectAll()
      .where('kind', '=', 'portal')
      .where('active', '=', true)
      .where('email', 'is not', null)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .offset(nextUser++)
      .limit(1)
      .execute()
    const user = rows[0]
    if (!user) throw new Error('not enough seeded portal users')
    await db().updateTable('reset_tokens').set({ revoked_at: portal.clock.now() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()
    return user
  }

  async function addSession(userId: number, audience: 'portal' | 'operator' = 'portal'): Promise<string> {
    const now = portal.clock.now()
    const row = await db()
      .insertInto('sessions')
      .values({ token_hash: randomBytes(32), user_id: userId, audience, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  const liveSessions = async (userId: number) =>
    Number((await db().selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirstOrThrow()).n)

  const lastMail = (userId: number) => db().selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()

  const linkToken = (body: string) => {
    const token = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(body)?.[1]
    if (!token) throw new Error(`no link in: ${body}`)
    return token
  }

  describe('POST /users/:id/password', () => {
    it.runIf(backend.enabled)('sets the password, revokes every session and sends the "password changed" email without the password', async () => {
      const user = await portalUser()
      await addSession(user.id)
      await addSession(user.id)
      const before = await auditCount(portal, { targetUserId: user.id, action: 'password.set' })
      const response = await admin.post(`/api/v1/users/${user.id}/password`, { password: strongPassword, mustChange: true, notify: true })
      expect(response.status, response.text).toBe(200)
      const body = setPasswordResponse.parse(response.body)
      expect(body).toMatchObject({ userId: user.id, mustChangePassword: true, sessionsRevoked: 2, version: user.version + 1 })
      expect(await liveSessions(user.id)).toBe(0)
      const row = await db().selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^\$argon2id\$/)
      expect(await verifyPassword(row.password_hash ?? '', strongPassword)).toBe(true)
      expect(row.must_change_password).toBe(true)

      const mail = await lastMail(user.id)
      expect(mail).toMatchObject({ id: body.mailId, template: 'passwordChanged', to_address: user.email, language: user.language, status: 'pending' })
      expect(mail.body_text).not.toContain(strongPassword)
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.set' })).toBe(before + 1)
      const audit = await db().selectFrom('audit_log').selectAll().where('target_user_id', '=', user.id).where('action', '=', 'password.set').orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(JSON.stringify(audit.changes)).not.toContain(strongPassword)
      expect(JSON.stringify(audit.changes)).not.toContain('argon2')
      expect(audit.changes).toMatchObject({ mustChange: { from: user.must_change_password, to: true }, sessionsRevoked: { to: 2 } })
    })

    it.runIf(backend.enabled)('refuses common, weak, personal, short and oversized passwords with a message in words, changing nothing', async () => {
      const user = await portalUser()
      for (const password of ['password123', 'qwertyuiop', 'Password1!', 'short', `${user.login}2024`, 'x'.repeat(129), 'tab\there-and-a-long-one']) {
        const response = await expectNothingChanged(portal, () => admin.post(`/api/v1/users/${user.id}/password`, { password, mustChange: false, notify: false }))
        expectRefusal(response, 400, 'VALIDATION')
        const details = (response.body as { error: { details: { path: string; message: string }[] } }).error.details
        expect(details[0]?.path, password).toBe('password')
        expect(details[0]?.message.length, password).toBeGreaterThan(20)
      }
    })

    it.runIf(backend.enabled)('refuses bad input with a clear 4xx and nothing changed', async () => {
      const user = await portalUser()
      const path = `/api/v1/users/${user.id}/password`
      const bodies: unknown[] = [
        {},
        { password: strongPassword },
        { password: strongPassword, mustChange: 'yes', notify: false },
        { password: 12345678, mustChange: false, notify: false },
        { password: strongPassword, mustChange: false, notify: false, extra: 1 },
        { password: 'x'.repeat(10_000), mustChange: false, notify: false },
        { password: "';--", mustChange: false, notify: false },
        { password: '😀😀😀', mustChange: false, notify: false },
        { password: '王芳王芳', mustChange: false, notify: false },
        { password: 'שלום', mustChange: false, notify: false },
        null,
        []
      ]
      for (const json of bodies) {
        const response = await expectNothingChanged(portal, () => admin.post(path, json))
        expect(response.status, `${JSON.stringify(json)?.slice(0, 60)} ${response.text}`).toBe(400)
      }
      const valid = { password: strongPassword, mustChange: false, notify: false }
      expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/999999/password', valid)), 404, 'NOT_FOUND')
      expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/abc/password', valid)), 400, 'VALIDATION')
      expectRefusal(await expectNothingChanged(portal, () => admin.post("/api/v1/users/1'or'1/password", valid)), 400, 'VALIDATION')
    })

    it.runIf(backend.enabled)('refuses notify for a user without an email, changing nothing', async () => {
      const user = await portalUser()
      await db().updateTable('users').set({ email: null }).where('id', '=', user.id).execute()
      const response = await expectNothingChanged(portal, () => admin.post(`/api/v1/users/${user.id}/password`, { password: strongPassword, mustChange: false, notify: true }))
      expectRefusal(response, 400, 'VALIDATION')
      expect(JSON.stringify(response.body)).toContain('notify')
    })

    it.runIf(backend.enabled)('lets support set a temporary password on a portal user only, with a ticket and mustChange: true', async () => {
      const user = await portalUser()
      const path = `/api/v1/users/${user.id}/password`
      const notTemporary = await expectNothingChanged(portal, () => support.post(path, { password: strongPassword, mustChange: false, notify: false }, ticket))
      expectRefusal(notTemporary, 403, 'FORBIDDEN')
      expect((notTemporary.body as { error: { message: string } }).error.message).toContain('mustChange: true')
      expectRefusal(await expectNothingChanged(portal, () => support.post(path, { password: strongPassword, mustChange: true, notify: false })), 400, 'VALIDATION')
      const ok = await support.post(path, { password: strongPassword, mustChange: true, notify: false }, ticket)
      expect(ok.status, ok.text).toBe(200)
      const audit = await db().selectFrom('audit_log').selectAll().where('target_user_id', '=', user.id).where('action', '=', 'password.set').orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(audit).toMatchObject({ actor_role: 'support', ticket_ref: 'HD-4711' })

      const internal = await db().selectFrom('users').select('id').where('login', '=', seededOperators.otherSupport).executeTakeFirstOrThrow()
      expectRefusal(await expectNothingChanged(portal, () => support.post(`/api/v1/users/${internal.id}/password`, { password: strongPassword, mustChange: true, notify: false }, ticket)), 403, 'FORBIDDEN')
    })

    it.runIf(backend.enabled)("needs a re-authentication for another internal user's password, and signs that operator out", async () => {
      const other = await signInAs(portal, seededOperators.otherSupport)
      const operator = await signInAs(portal, 'administrator')
      const path = `/api/v1/users/${other.id}/password`
      expectRefusal(await expectNothingChanged(portal, () => operator.post(path, { password: otherStrongPassword, mustChange: true, notify: false })), 403, 'REAUTH_REQUIRED')
      await operator.reauth()
      const ok = await operator.post(path, { password: otherStrongPassword, mustChange: true, notify: false })
      expect(ok.status, ok.text).toBe(200)
      expect((await other.get('/api/v1/auth/me')).status).toBe(401)
      // Restore the seeded password for the other suites' sign-ins.
      const restore = await operator.post(path, { password: 'correct horse battery staple', mustChange: false, notify: false })
      expect(restore.status, restore.text).toBe(200)
    })

    it.runIf(backend.enabled)('refuses operators their own password here: My account asks for the current one', async () => {
      const self = await signInAs(portal, seededOperators.otherAdministrator)
      const refused = await expectNothingChanged(portal, () => self.post(`/api/v1/users/${self.id}/password`, { password: otherStrongPassword, mustChange: false, notify: false }))
      expectRefusal(refused, 409, 'CONFLICT')
      expect((refused.body as { error: { details: unknown } }).error.details).toMatchObject({ reason: 'ownAccount', use: '/api/v1/auth/account/password' })
      expect((await self.get('/api/v1/auth/me')).status).toBe(200)
    })
  })

  describe('reset links', () => {
    it.runIf(backend.enabled)('emails a single-use link whose token is stored only as a hash, and reports its status', async () => {
      const user = await portalUser()
      const sent = await admin.post(`/api/v1/users/${user.id}/reset-link`)
      expect(sent.status, sent.text).toBe(200)
      const body = sendResetLinkResponse.parse(sent.body)
      expect(body.link.status).toBe('pending')
      expect(new Date(body.link.expiresAt).getTime() - new Date(body.link.sentAt).getTime()).toBe(60 * 60_000)
      const mail = await lastMail(user.id)
      expect(mail).toMatchObject({ id: body.mailId, template: 'resetLink', status: 'pending', language: user.language })
      const token = linkToken(mail.body_text)
      expect(mail.body_text).toContain(`${portal.baseUrl}/reset-password?token=`)
      const stored = await db().selectFrom('reset_tokens').selectAll().where('id', '=', body.link.id).executeTakeFirstOrThrow()
      expect(stored.token_hash.length).toBe(32)
      expect(stored.token_hash.toString('base64url')).not.toBe(token)
      expect(JSON.stringify(await db().selectFrom('reset_tokens').selectAll().execute())).not.toContain(token)
      expect(JSON.stringify(await db().selectFrom('audit_log').selectAll().execute())).not.toContain(token)

      const status = resetLinkStatusResponse.parse((await admin.get(`/api/v1/users/${user.id}/reset-link`)).body)
      expect(status.link).toMatchObject({ id: body.link.id, status: 'pending', sentAt: body.link.sentAt, expiresAt: body.link.expiresAt })

      // Single use: the first POST sets the password, a replay gets the invalid-link answer.
      const first = await portal.request('POST', '/reset-password', { json: { token, password: strongPassword } })
      expect(first.status, first.text).toBe(200)
      const replay = await expectNothingChanged(portal, () => portal.request('POST', '/reset-password', { json: { token, password: otherStrongPassword } }))
      expectRefusal(replay, 400, 'VALIDATION')
      expect(JSON.stringify(replay.body)).toContain('token')
      expect(resetLinkStatusResponse.parse((await admin.get(`/api/v1/users/${user.id}/reset-link`)).body).link?.status).toBe('used')
      const row = await db().selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(await verifyPassword(row.password_hash ?? '', strongPassword)).toBe(true)
    })

    it.runIf(backend.enabled)('lets exactly one of two simultaneous uses of a link win', async () => {
      const user = await portalUser()
      await admin.post(`/api/v1/users/${user.id}/reset-link`)
      const token = linkToken((await lastMail(user.id)).body_text)
      const answers = await Promise.all([
        portal.request('POST', '/reset-password', { json: { token, password: strongPassword } }),
        portal.request('POST', '/reset-password', { json: { token, password: otherStrongPassword } })
      ])
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.reset' })).toBe(1)
    })

    it.runIf(backend.enabled)('expires after an hour (on the injected clock)', async () => {
      const user = await portalUser()
      await admin.post(`/api/v1/users/${user.id}/reset-link`)
      const token = linkToken((await lastMail(user.id)).body_text)
      await advance(60 * 60_000 + 1)
      expect(resetLinkStatusResponse.parse((await admin.get(`/api/v1/users/${user.id}/reset-link`)).body).link?.status).toBe('expired')
      const late = await expectNothingChanged(portal, () => portal.request('POST', '/reset-password', { json: { token, password: strongPassword } }))
      expectRefusal(late, 400, 'VALIDATION')
    })

    it.runIf(backend.enabled)('is superseded by a newer link, and revoked by DELETE', async () => {
      const user = await portalUser()
      await admin.post(`/api/v1/users/${user.id}/reset-link`)
      const oldToken = linkToken((await lastMail(user.id)).body_text)
      const second = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
      expect(second.supersededCount).toBe(1)
      const newToken = linkToken((await lastMail(user.id)).body_text)
      expectRefusal(await portal.request('POST', '/reset-password', { json: { token: oldToken, password: strongPassword } }), 400, 'VALIDATION')

      const revoked = await admin.delete(`/api/v1/users/${user.id}/reset-link`)
      expect(revoked.status, revoked.text).toBe(200)
      expect(revoked.body).toEqual({ revokedCount: 1 })
      expect(resetLinkStatusResponse.parse((await admin.get(`/api/v1/users/${user.id}/reset-link`)).body).link?.status).toBe('revoked')
      expectRefusal(await portal.request('POST', '/reset-password', { json: { token: newToken, password: strongPassword } }), 400, 'VALIDATION')
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.resetLinkRevoke' })).toBe(1)
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.resetLink' })).toBe(2)
    })

    it.runIf(backend.enabled)('follows the role matrix: support on portal users with a ticket; never on internal users', async () => {
      const user = await portalUser()
      const path = `/api/v1/users/${user.id}/reset-link`
      expectRefusal(await expectNothingChanged(portal, () => support.post(path)), 400, 'VALIDATION')
      expectRefusal(await expectNothingChanged(portal, () => support.get(path)), 400, 'VALIDATION')
      expect((await support.post(path, undefined, ticket)).status).toBe(200)
      expect((await support.get(path, ticket)).status).toBe(200)
      expect((await support.delete(path, undefined, ticket)).status).toBe(200)
      const internal = await db().selectFrom('users').select('id').where('login', '=', seededOperators.otherAdministrator).executeTakeFirstOrThrow()
      const internalPath = `/api/v1/users/${internal.id}/reset-link`
      for (const call of [() => support.post(internalPath, undefined, ticket), () => support.get(internalPath, ticket), () => support.delete(internalPath, undefined, ticket)]) {
        expectRefusal(await expectNothingChanged(portal, call), 403, 'FORBIDDEN')
      }
      expect((await admin.get(internalPath)).status).toBe(200)
    })

    it.runIf(backend.enabled)('refuses an archived user, a user without email, extra input and unknown ids, changing nothing', async () => {
      const archived = await portalUser()
      await db().updateTable('users').set({ active: false }).where('id', '=', archived.id).execute()
      expectRefusal(await expectNothingChanged(portal, () => admin.post(`/api/v1/users/${archived.id}/reset-link`)), 400, 'VALIDATION')
      const noEmail = await portalUser()
      await db().updateTable('users').set({ email: null }).where('id', '=', noEmail.id).execute()
      const refused = await expectNothingChanged(portal, () => admin.post(`/api/v1/users/${noEmail.id}/reset-link`))
      expectRefusal(refused, 400, 'VALIDATION')
      expect(JSON.stringify(refused.body)).toContain('email')
      const user = await portalUser()
      expectRefusal(await expectNothingChanged(portal, () => admin.post(`/api/v1/users/${user.id}/reset-link`, { ttl: 5 })), 400, 'VALIDATION')
      expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/2147483648/reset-link')), 404, 'NOT_FOUND')
      expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/999999/reset-link')), 404, 'NOT_FOUND')
      expectRefusal(await expectNothingChanged(portal, () => admin.get('/api/v1/users/%F0%9F%98%80/reset-link')), 400, 'VALIDATION')
    })

    it.runIf(backend.enabled)('stores a link for a block-listed address as blocked, with no usable token in the outbox', async () => {
      const user = await portalUser()
      await db().insertInto('blocklist').values({ kind: 'email', value: (user.email ?? '').toLowerCase(), created_at: portal.clock.now() }).execute()
      const sent = sendResetLinkResponse.parse((await admin.post(`/api/v1/users/${user.id}/reset-link`)).body)
      expect(sent.mailStatus).toBe('blocked')
      const mail = await lastMail(user.id)
      expect(mail.status).toBe('blocked')
      expect(mail.body_text).toContain('token=[removed]')
      expect(mail.body_text).not.toMatch(/token=[A-Za-z0-9_-]{43}/)
    })
  })

  describe('the public reset page', () => {
    const stripNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""')

    it.runIf(backend.enabled)('shows a self-contained form in the user\'s language, under a strict CSP, without using the link', async () => {
      const user = await portalUser()
      await db().updateTable('users').set({ language: 'zh-CN' }).where('id', '=', user.id).execute()
      await admin.post(`/api/v1/users/${user.id}/reset-link`)
      const token = linkToken((await lastMail(user.id)).body_text)
      const page = await portal.request('GET', `/reset-password?token=${token}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      const csp = page.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toMatch(/style-src 'nonce-[A-Za-z0-9+/=]+'/)
      expect(csp).not.toContain('unsafe')
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.text).toContain('<html lang="zh-CN">')
      expect(page.text).toContain('设置新密码')
      expect(page.text).toContain('<form method="post" action="/reset-password">')
      expect(page.text).not.toMatch(/<script|src=|href=/i)
      // GET twice: the link is still pending.
      expect((await portal.request('GET', `/reset-password?token=${token}`)).status).toBe(200)
      expect(resetLinkStatusResponse.parse((await admin.get(`/api/v1/users/${user.id}/reset-link`)).body).link?.status).toBe('pending')
    })

    it.runIf(backend.enabled)('gives the same page for an unknown, malformed, expired, used or revoked token', async () => {
      const pages: string[] = []
      const fetchPage = async (query: string) => {
        const page = await portal.request('GET', `/reset-password${query}`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } })
        expect(page.status).toBe(200)
        pages.push(stripNonce(page.text))
      }
      await fetchPage(`?token=${randomBytes(32).toString('base64url')}`)
      await fetchPage('?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
      await fetchPage('')
      await fetchPage(`?token=${'x'.repeat(5000)}`)
      const used = await portalUser()
      await admin.post(`/api/v1/users/${used.id}/reset-link`)
      const usedToken = linkToken((await lastMail(used.id)).body_text)
      expect((await portal.request('POST', '/reset-password', { json: { token: usedToken, password: strongPassword } })).status).toBe(200)
      await fetchPage(`?token=${usedToken}`)
      const revoked = await portalUser()
      await admin.post(`/api/v1/users/${revoked.id}/reset-link`)
      const revokedToken = linkToken((await lastMail(revoked.id)).body_text)
      await admin.delete(`/api/v1/users/${revoked.id}/reset-link`)
      await fetchPage(`?token=${revokedToken}`)
      const expired = await portalUser()
      await admin.post(`/api/v1/users/${expired.id}/reset-link`)
      const expiredToken = linkToken((await lastMail(expired.id)).body_text)
      await advance(2 * 3_600_000)
      await fetchPage(`?token=${expiredToken}`)
      expect(new Set(pages).size).toBe(1)
      expect(pages[0]).toContain('This link cannot be used')
      expect(pages[0]).not.toContain('<script>')
      expect(pages[0]).not.toContain('<form')
    })

    it.runIf(backend.enabled)('sets the password from the form: policy first, then single use, sessions revoked, reset-required cleared', async () => {
      const user = await portalUser()
      await addSession(user.id)
      const required = await admin.post(`/api/v1/users/${user.id}/require-reset`)
      expect(required.status, required.text).toBe(200)
      expect(requireResetResponse.parse(required.body).sessionsRevoked).toBe(1)
      await addSession(user.id) // one that appeared meanwhile (e.g. an API client): the reset ends it too
      const token = linkToken((await lastMail(user.id)).body_text)
      const form = (password: string, confirm = password) =>
        portal.request('POST', '/reset-password', {
          rawBody: new URLSearchParams({ token, password, confirm }).toString(),
          contentType: 'application/x-www-form-urlencoded'
        })
      const weak = await expectNothingChanged(portal, () => form('password123'))
      expect(weak.status).toBe(400)
      expect(weak.headers.get('content-type')).toMatch(/^text\/html/)
      expect(weak.text).toContain('too common')
      expect(weak.text).toContain(`value="${token}"`)
      const mismatch = await expectNothingChanged(portal, () => form(strongPassword, otherStrongPassword))
      expect(mismatch.status).toBe(400)
      expect(mismatch.text).toContain('not the same')

      const done = await form(strongPassword)
      expect(done.status, done.text).toBe(200)
      expect(done.text).toContain('Your password is set')
      const row = await db().selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(row.reset_required).toBe(false)
      expect(await verifyPassword(row.password_hash ?? '', strongPassword)).toBe(true)
      expect(await liveSessions(user.id)).toBe(0)
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.reset' })).toBe(1)
      expect((await lastMail(user.id)).template).toBe('passwordChanged')
      const again = await form(otherStrongPassword)
      expect(again.status).toBe(400)
      expect(again.text).toContain('This link cannot be used')
    })
  })

  describe('POST /users/:id/require-reset', () => {
    it.runIf(backend.enabled)('requires a new password, signs the user out everywhere and sends the link; administrators only', async () => {
      const user = await portalUser()
      await addSession(user.id)
      const path = `/api/v1/users/${user.id}/require-reset`
      expectRefusal(await expectNothingChanged(portal, () => support.post(path, undefined, ticket)), 403, 'FORBIDDEN')
      const response = await admin.post(path)
      expect(response.status, response.text).toBe(200)
      const body = requireResetResponse.parse(response.body)
      expect(body).toMatchObject({ userId: user.id, sessionsRevoked: 1, mailStatus: 'pending' })
      expect(body.link.status).toBe('pending')
      const row = await db().selectFrom('users').select(['reset_required', 'version']).where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(row).toEqual({ reset_required: true, version: user.version + 1 })
      expect(await liveSessions(user.id)).toBe(0)
      const mail = await lastMail(user.id)
      expect(mail).toMatchObject({ template: 'resetLink', id: body.mailId })
      expect(await auditCount(portal, { targetUserId: user.id, action: 'password.requireReset' })).toBe(1)

      // Portal sign-in is refused while the reset is required, with the old password too.
      const login = await portal.request('POST', '/api/v1/portal/login', { json: { login: user.login, password: 'correct horse battery staple' } })
      expect(login.status, login.text).toBe(401)
    })
  })
})
