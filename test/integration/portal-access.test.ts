import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalAccessResponse } from '../../src/shared/passwords'
import { backends } from './support/backends'
import { auditCount, expectNothingChanged, expectRefusal, seededOperators, signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'

const password = 'ziggurat-velvet-Nocturne-42'

describe.each(backends)('portal access on $name', (backend) => {
  let portal: TestPortal
  let admin: OperatorClient
  let support: OperatorClient
  let nextUser = 0

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 80 })
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db

  async function portalUser(active: boolean) {
    const user = await db()
      .selectFrom('users')
      .selectAll()
      .where('kind', '=', 'portal')
      .where('email', 'is not', null)
      .where('deleted_at', 'is', null)
      // Without 2FA, so that the password alone signs in.
      .where('id', 'not in', db().selectFrom('totp').select('user_id'))
      .orderBy('id')
      .offset(nextUser++)
      .limit(1)
      .executeTakeFirstOrThrow()
    await db().updateTable('users').set({ active }).where('id', '=', user.id).execute()
    return { ...user, active }
  }

  const access = (id: number, action: string, client = admin) => client.post(`/api/v1/users/${id}/portal-access`, { action })
  const lastMail = (userId: number) => db().selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const linkToken = (body: string) => /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? ''

  it.runIf(backend.enabled)('grant: activates the user and emails a welcome with a set-password link that works once', async () => {
    const user = await portalUser(false)
    const response = await access(user.id, 'grant')
    expect(response.status, response.text).toBe(200)
    const body = portalAccessResponse.parse(response.body)
    expect(body).toMatchObject({ userId: user.id, action: 'grant', active: true, mailStatus: 'pending' })
    const mail = await lastMail(user.id)
    expect(mail).toMatchObject({ id: body.mailId, template: 'welcome', to_address: user.email, language: user.language })
    expect(mail.body_text).toContain(user.login)
    const invite = await db().selectFrom('reset_tokens').selectAll().where('user_id', '=', user.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(invite.purpose).toBe('invite')
    expect(invite.expires_at.getTime() - invite.created_at.getTime()).toBe(72 * 3_600_000)
    expect(await auditCount(portal, { targetUserId: user.id, action: 'portalAccess.grant' })).toBe(1)

    const token = linkToken(mail.body_text)
    const page = await portal.request('GET', `/reset-password?token=${token}`)
    expect(page.text).toContain(user.language === 'en' ? 'Choose your password' : '设置您的密码')
    expect((await portal.request('POST', '/reset-password', { json: { token, password } })).status).toBe(200)
    expect(await auditCount(portal, { targetUserId: user.id, action: 'password.invitationAccept' })).toBe(1)
    expectRefusal(await portal.request('POST', '/reset-password', { json: { token, password } }), 400, 'VALIDATION')
    const login = await portal.request('POST', '/api/v1/portal/login', { json: { login: user.login, password } })
    expect(login.status, login.text).toBe(200)
  })

  it.runIf(backend.enabled)('grant refuses: already granted, no valid email, an email that is another user\'s login — changing nothing', async () => {
    const active = await portalUser(true)
    const already = await expectNothingChanged(portal, () => access(active.id, 'grant'))
    expectRefusal(already, 409, 'CONFLICT')
    expect(JSON.stringify(already.body)).toContain('reinvite')

    const noEmail = await portalUser(false)
    await db().updateTable('users').set({ email: null }).where('id', '=', noEmail.id).execute()
    const refusedNoEmail = await expectNothingChanged(portal, () => access(noEmail.id, 'grant'))
    expectRefusal(refusedNoEmail, 400, 'VALIDATION')
    expect(refusedNoEmail.body).toMatchObject({ error: { details: [{ path: 'email', message: expect.stringContaining('no valid email') }] } })

    const badEmail = await portalUser(false)
    await db().updateTable('users').set({ email: `not an email ${badEmail.id}` }).where('id', '=', badEmail.id).execute()
    expectRefusal(await expectNothingChanged(portal, () => access(badEmail.id, 'grant')), 400, 'VALIDATION')

    const taken = await portalUser(false)
    const other = await portalUser(true)
    const address = `taken-${randomBytes(4).toString('hex')}@example.com`
    await db().updateTable('users').set({ login: address }).where('id', '=', other.id).execute()
    await db().updateTable('users').set({ email: address.toUpperCase() }).where('id', '=', taken.id).execute()
    const refusedTaken = await expectNothingChanged(portal, () => access(taken.id, 'grant'))
    expectRefusal(refusedTaken, 409, 'CONFLICT')
    expect(refusedTaken.body).toMatchObject({ error: { details: [{ path: 'email', message: expect.stringContaining('login of another user') }] } })
  })

  it.runIf(backend.enabled)('revoke: archives the user, revokes sessions and outstanding links; twice is a conflict', async () => {
    const user = await portalUser(true)
    const now = portal.clock.now()
    await db()
      .insertInto('sessions')
      .values({ token_hash: randomBytes(32), user_id: user.id, audience: 'portal', created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
      .execute()
    await admin.post(`/api/v1/users/${user.id}/reset-link`)
    const token = linkToken((await lastMail(user.id)).body_text)
    const response = await access(user.id, 'revoke')
    expect(response.status, response.text).toBe(200)
    expect(portalAccessResponse.parse(response.body)).toMatchObject({ active: false, sessionsRevoked: 1, mailId: null })
    const row = await db().selectFrom('users').select(['active']).where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.active).toBe(false)
    const live = await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()
    expect(live).toEqual([])
    expectRefusal(await portal.request('POST', '/reset-password', { json: { token, password } }), 400, 'VALIDATION')
    expect(await auditCount(portal, { targetUserId: user.id, action: 'portalAccess.revoke' })).toBe(1)
    expectRefusal(await expectNothingChanged(portal, () => access(user.id, 'revoke')), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('reinvite: the welcome email again with a link superseding the old one; not for archived users', async () => {
    const user = await portalUser(false)
    await access(user.id, 'grant')
    const first = linkToken((await lastMail(user.id)).body_text)
    const response = await access(user.id, 'reinvite')
    expect(response.status, response.text).toBe(200)
    const mail = await lastMail(user.id)
    expect(mail.template).toBe('welcome')
    const second = linkToken(mail.body_text)
    expect(second).not.toBe(first)
    expectRefusal(await portal.request('POST', '/reset-password', { json: { token: first, password } }), 400, 'VALIDATION')
    expect(await auditCount(portal, { targetUserId: user.id, action: 'portalAccess.reinvite' })).toBe(1)

    const archived = await portalUser(false)
    expectRefusal(await expectNothingChanged(portal, () => access(archived.id, 'reinvite')), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('is for administrators and portal users only', async () => {
    const user = await portalUser(false)
    expectRefusal(await expectNothingChanged(portal, () => access(user.id, 'grant', support)), 403, 'FORBIDDEN')
    expectRefusal(await expectNothingChanged(portal, () => support.post(`/api/v1/users/${user.id}/portal-access`, { action: 'grant' }, { ticket: 'HD-1' })), 403, 'FORBIDDEN')
    const internal = await db().selectFrom('users').select('id').where('login', '=', seededOperators.otherSupport).executeTakeFirstOrThrow()
    const refused = await expectNothingChanged(portal, () => access(internal.id, 'grant'))
    expectRefusal(refused, 400, 'VALIDATION')
    expect(JSON.stringify(refused.body)).toContain('portal users only')
    expectRefusal(await portal.request('POST', `/api/v1/users/${user.id}/portal-access`, { json: { action: 'grant' } }), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('refuses bad input with a clear 4xx and nothing changed', async () => {
    const user = await portalUser(false)
    const path = `/api/v1/users/${user.id}/portal-access`
    for (const json of [{}, { action: 'nope' }, { action: 'grant', extra: true }, { action: 'x'.repeat(10_000) }, { action: '授予' }, { action: '😀' }, { action: 'מתן גישה' }, { action: "grant'; --" }, { action: null }, null, []]) {
      const response = await expectNothingChanged(portal, () => admin.post(path, json))
      expectRefusal(response, 400, 'VALIDATION')
    }
    expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/999999/portal-access', { action: 'grant' })), 404, 'NOT_FOUND')
    expectRefusal(await expectNothingChanged(portal, () => admin.post('/api/v1/users/x/portal-access', { action: 'grant' })), 400, 'VALIDATION')
  })
})
