import { createHash } from 'node:crypto'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { createdApiKey, meProfile, paymentMethodItem, twoFactorSetupResponse } from '../../src/shared/portal'
import { verifyApiKey } from '../../src/server/domain/api-keys/keys'
import { documentLockMessage } from '../../src/server/domain/users/document-lock'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, watchedTables } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { auditActions, contactForm, portalLogin, signInablePortalUsers, signInPortalUser, type PortalClient, type PortalUserRow } from './portal-helpers'

const newPassword = 'violet orbit cathedral marmalade 47'
/** A wrong password counts as a failed sign-in (users.failed_sign_ins), so those checks watch the other tables. */
const tablesButUsers = watchedTables.filter((table) => table !== 'users')

describe.each(backends)('portal self-service (/me) on $name', (backend) => {
  let portal: TestPortal
  let plain: PortalUserRow[]
  let locked: PortalUserRow[]
  const take = (list: PortalUserRow[]) => {
    const user = list.shift()
    if (!user) throw new Error('not enough seeded portal users')
    return user
  }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 150 })
    plain = await signInablePortalUsers(portal, 20, { withDocuments: false })
    locked = await signInablePortalUsers(portal, 3, { withDocuments: true })
  })
  afterAll(async () => {
    await portal?.close()
  })

  async function profileOf(client: PortalClient) {
    const response = await client.get('/api/v1/me')
    expect(response.status, response.text).toBe(200)
    return meProfile.parse(response.body)
  }

  it.runIf(backend.enabled)('reads and updates my contact information, audited with me as the actor', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    const before = await profileOf(client)
    expect(before.documentLock).toBe(false)
    const update = contactForm(before, { name: 'وليد 王芳 😀', street: "O'Brien Street; drop table users; --", city: 'Zürich', country: 'CH', zip: '', invoiceDelivery: 'postal' })
    const response = await client.patch('/api/v1/me', update)
    expect(response.status, response.text).toBe(200)
    const after = meProfile.parse(response.body)
    expect(after).toMatchObject({ name: 'وليد 王芳 😀', street: "O'Brien Street; drop table users; --", country: 'CH', zip: null, invoiceDelivery: 'postal', login: before.login })
    expect(after.version).toBe(before.version + 1)
    const audit = (await auditActions(portal, client.userId)).at(-1)
    expect(audit).toEqual({ action: 'profile.update', actor_role: 'portal', actor_id: client.userId })

    expectRefusal(await client.patch('/api/v1/me', update), 409, 'CONFLICT') // the old version is stale now
    const stale = await client.patch('/api/v1/me', update)
    expect((stale.body as { error: { details: unknown } }).error.details).toEqual({ currentVersion: after.version, reason: 'staleVersion' })
  })

  // An address another user has is answered like a free one (email-change.test.ts compares the two answers).
  it.runIf(backend.enabled)('refuses an email on the block list (400 naming the field)', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    const profile = await profileOf(client)
    await portal.server.database.db.insertInto('blocklist').values({ kind: 'email', value: 'blocked.person@example.com', created_at: portal.clock.now() }).execute()
    const blocked = await expectNothingChanged(portal, () => client.patch('/api/v1/me', contactForm(profile, { email: 'Blocked.Person@example.com', currentPassword: testPassword })), tablesButUsers)
    expectRefusal(blocked, 400, 'VALIDATION')
    expect((blocked.body as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('email')
  })

  it.runIf(backend.enabled)('refuses bad contact input with 400 and changes nothing; the login cannot be changed', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    const profile = await profileOf(client)
    const bad: Record<string, unknown>[] = [
      { ...contactForm(profile), login: 'new-login' },
      { ...contactForm(profile), extra: 1 },
      { ...contactForm(profile), name: '' },
      { ...contactForm(profile), name: 'x'.repeat(10_000) },
      { ...contactForm(profile), email: 'not-an-email' },
      { ...contactForm(profile), phone: 'call me maybe' },
      { ...contactForm(profile), country: 'XX' },
      { ...contactForm(profile), country: 'germany' },
      { ...contactForm(profile), version: 'one' },
      { ...contactForm(profile), invoiceDelivery: 'pigeon' },
      { name: 'Only a name' },
      {}
    ]
    const { version: _version, ...withoutVersion } = contactForm(profile)
    bad.push(withoutVersion)
    await expectNothingChanged(portal, async () => {
      for (const json of bad) expectRefusal(await client.patch('/api/v1/me', json), 400, 'VALIDATION')
    })
  })

  it.runIf(backend.enabled)('locks country, company name and VAT once the company has documents, telling me to contact an administrator', async () => {
    const client = await signInPortalUser(portal, take(locked).login)
    const profile = await profileOf(client)
    expect(profile.documentLock).toBe(true)
    const otherCountry = profile.country === 'FR' ? 'DE' : 'FR'
    const refused = await expectNothingChanged(portal, () => client.patch('/api/v1/me', contactForm(profile, { country: otherCountry, companyName: 'Renamed Ltd', vat: 'XX123' })))
    expectRefusal(refused, 409, 'DOCUMENT_LOCKED')
    const error = (refused.body as { error: { message: string; details: { path: string; message: string }[] } }).error
    expect(error.message).toBe(documentLockMessage)
    expect(error.message).toMatch(/contact an administrator/i)
    expect(error.details.map((d) => d.path)).toEqual(['country', 'companyName', 'vat'])
    // The other fields still change.
    const allowed = await client.patch('/api/v1/me', contactForm(profile, { city: 'Lyon' }))
    expect(allowed.status, allowed.text).toBe(200)
  })

  it.runIf(backend.enabled)('changes my password with the current one: other sessions end, this one stays, mail sent', async () => {
    const user = take(plain)
    const current = await signInPortalUser(portal, user.login)
    const other = await signInPortalUser(portal, user.login)

    const wrong = await expectNothingChanged(portal, () => current.post('/api/v1/me/password', { currentPassword: 'wrong one', newPassword }), tablesButUsers)
    expectRefusal(wrong, 401, 'INVALID_CREDENTIALS')
    const weak = await expectNothingChanged(portal, () => current.post('/api/v1/me/password', { currentPassword: testPassword, newPassword: 'password1' }), tablesButUsers)
    expectRefusal(weak, 400, 'VALIDATION')
    expect((weak.body as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('newPassword')

    const changed = await current.post('/api/v1/me/password', { currentPassword: testPassword, newPassword })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body).toEqual({ revoked: 1 })
    expect((await current.get('/api/v1/me')).status).toBe(200)
    expectRefusal(await other.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await portalLogin(portal, user.login, testPassword), 401, 'INVALID_CREDENTIALS')
    expect((await portalLogin(portal, user.login, newPassword)).status).toBe(200)
    expect((await auditActions(portal, user.id)).map((a) => a.action)).toContain('password.change')
    const mail = await portal.server.database.db.selectFrom('outbox').select(['template', 'body_text']).where('user_id', '=', user.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(mail.template).toBe('passwordChanged')
    expect(mail.body_text).not.toContain(newPassword)
  })

  it.runIf(backend.enabled)('logs out from all other devices with the password', async () => {
    const user = take(plain)
    const [current, second, third] = [await signInPortalUser(portal, user.login), await signInPortalUser(portal, user.login), await signInPortalUser(portal, user.login)]
    expectRefusal(await current.post('/api/v1/me/sign-out-others', { password: 'nope' }), 401, 'INVALID_CREDENTIALS')
    expect((await second.get('/api/v1/me')).status).toBe(200)
    const response = await current.post('/api/v1/me/sign-out-others', { password: testPassword })
    expect(response.status, response.text).toBe(200)
    expect(response.body).toEqual({ revoked: 2 })
    expect((await current.get('/api/v1/me')).status).toBe(200)
    expectRefusal(await second.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await third.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expect((await auditActions(portal, user.id)).at(-1)).toEqual({ action: 'sessions.revoke', actor_role: 'portal', actor_id: user.id })
  })

  it.runIf(backend.enabled)('turns 2FA on with a verified code and off with the password', async () => {
    const user = take(plain)
    const client = await signInPortalUser(portal, user.login)
    expectRefusal(await client.post('/api/v1/me/2fa/setup', { password: 'wrong' }), 401, 'INVALID_CREDENTIALS')
    const setup = await client.post('/api/v1/me/2fa/setup', { password: testPassword })
    expect(setup.status, setup.text).toBe(200)
    const { otpauthUri, secret } = twoFactorSetupResponse.parse(setup.body)
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//)
    expect(otpauthUri).toContain(`secret=${secret}`)
    expect((await profileOf(client)).twoFactor).toBe(false)

    const epoch = Math.floor(portal.clock.now().getTime() / 1000)
    const code = await generate({ secret, epoch })
    expectRefusal(await client.post('/api/v1/me/2fa/verify', { code: code === '000000' ? '111111' : '000000' }), 400, 'VALIDATION')
    const verified = await client.post('/api/v1/me/2fa/verify', { code })
    expect(verified.status, verified.text).toBe(200)
    expect((await profileOf(client)).twoFactor).toBe(true)
    expectRefusal(await client.post('/api/v1/me/2fa/setup', { password: testPassword }), 409, 'CONFLICT')

    // The code used for the setup cannot sign in; the next step's code can.
    const reused = await portalLogin(portal, user.login, testPassword, { otp: code })
    expect((reused.body as { error: { details: unknown } }).error.details).toEqual({ otp: 'invalid' })
    portal.clock.advance(30_000)
    const nextCode = await generate({ secret, epoch: Math.floor(portal.clock.now().getTime() / 1000) })
    expect((await portalLogin(portal, user.login, testPassword, { otp: nextCode })).status).toBe(200)

    expectRefusal(await client.delete('/api/v1/me/2fa', { password: 'wrong' }), 401, 'INVALID_CREDENTIALS')
    const off = await client.delete('/api/v1/me/2fa', { password: testPassword })
    expect(off.status, off.text).toBe(200)
    expect((await profileOf(client)).twoFactor).toBe(false)
    expect((await portalLogin(portal, user.login)).status).toBe(200)
    const actions = (await auditActions(portal, user.id)).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['twoFactor.enable', 'twoFactor.disable']))
    const secretInDb = await portal.server.database.db.selectFrom('totp').selectAll().where('user_id', '=', user.id).executeTakeFirst()
    expect(secretInDb).toBeUndefined()
  })

  it.runIf(backend.enabled)('adds cards through the demo provider, storing only brand, last 4, expiry and holder', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, holder: '王芳', cvc: '123' }
    const added = await client.post('/api/v1/me/payment-methods', card)
    expect(added.status, added.text).toBe(201)
    const item = paymentMethodItem.parse(added.body)
    expect(item).toMatchObject({ brand: 'visa', last4: '4242', display: '•••• 4242', expMonth: 12, expYear: 2030, holder: '王芳', provider: 'demo' })
    const row = await portal.server.database.db.selectFrom('payment_methods').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain('4242424242424242')
    expect(JSON.stringify(row)).not.toContain('123"')
    const audit = await portal.server.database.db.selectFrom('audit_log').select('changes').where('target_user_id', '=', client.userId).where('action', '=', 'paymentMethod.add').executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.changes)).not.toContain('4242424242424242')

    await expectNothingChanged(portal, async () => {
      expectRefusal(await client.post('/api/v1/me/payment-methods', { ...card, number: '4242 4242 4242 4241' }), 400, 'VALIDATION')
      expectRefusal(await client.post('/api/v1/me/payment-methods', { ...card, expMonth: 1, expYear: 2026 }), 400, 'VALIDATION')
      expectRefusal(await client.post('/api/v1/me/payment-methods', { ...card, number: 'x'.repeat(10_000) }), 400, 'VALIDATION')
      expectRefusal(await client.post('/api/v1/me/payment-methods', { ...card, cvc: 'abc' }), 400, 'VALIDATION')
      expectRefusal(await client.post('/api/v1/me/payment-methods', { ...card, brand: 'visa' }), 400, 'VALIDATION')
      expectRefusal(await client.patch(`/api/v1/me/payment-methods/${item.id}`, { holder: 'x' }), 404, 'NOT_FOUND')
      expectRefusal(await client.delete('/api/v1/me/payment-methods/abc'), 400, 'VALIDATION')
      expectRefusal(await client.delete('/api/v1/me/payment-methods/99999999999'), 400, 'VALIDATION')
    })
    const list = await client.get('/api/v1/me/payment-methods')
    expect((list.body as { items: { id: number }[] }).items.map((i) => i.id)).toContain(item.id)

    const stranger = await signInPortalUser(portal, take(plain).login)
    expectRefusal(await expectNothingChanged(portal, () => stranger.delete(`/api/v1/me/payment-methods/${item.id}`)), 404, 'NOT_FOUND')
    expect((await client.delete(`/api/v1/me/payment-methods/${item.id}`)).status).toBe(204)
    expect((await auditActions(portal, client.userId)).at(-1)?.action).toBe('paymentMethod.delete')
  })

  it.runIf(backend.enabled)('creates one API key per website, shown once and stored hashed; revokes it', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    expectRefusal(await client.post('/api/v1/me/api-keys', { password: 'wrong', description: 'ERP' }), 401, 'INVALID_CREDENTIALS')
    const created = await client.post('/api/v1/me/api-keys', { password: testPassword, description: 'ERP sync', scope: 'read_write', expiresInDays: 30 })
    expect(created.status, created.text).toBe(201)
    const { key, apiKey } = createdApiKey.parse(created.body)
    expect(key.startsWith(apiKey.prefix)).toBe(true)
    const db = portal.server.database.db
    const row = await db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow()
    expect(row.key_hash.equals(createHash('sha256').update(key).digest())).toBe(true)
    expect(JSON.stringify((await client.get('/api/v1/me/api-keys')).body)).not.toContain(key)
    expect(await verifyApiKey(db, key, portal.clock.now())).toMatchObject({ userId: client.userId, scope: 'read_write' })

    expectRefusal(await client.post('/api/v1/me/api-keys', { password: testPassword, description: 'Second' }), 409, 'CONFLICT')
    const revoked = await client.delete(`/api/v1/me/api-keys/${apiKey.id}`)
    expect(revoked.status, revoked.text).toBe(200)
    expect(await verifyApiKey(db, key, portal.clock.now())).toBeNull()
    expectRefusal(await client.delete(`/api/v1/me/api-keys/${apiKey.id}`), 409, 'CONFLICT')
    expect((await client.post('/api/v1/me/api-keys', { password: testPassword, description: 'Replacement' })).status).toBe(201)
    const actions = (await auditActions(portal, client.userId)).map((a) => a.action)
    expect(actions.filter((a) => a.startsWith('apiKey.'))).toEqual(['apiKey.create', 'apiKey.revoke', 'apiKey.create'])
  })

  it.runIf(backend.enabled)('deletes my account the Odoo way, with my password and my login typed in', async () => {
    const user = take(plain)
    const client = await signInPortalUser(portal, user.login)
    const other = await signInPortalUser(portal, user.login)
    await client.post('/api/v1/me/payment-methods', { number: '5555555555554444', expMonth: 1, expYear: 2031, holder: 'Me' })
    expectRefusal(await expectNothingChanged(portal, () => client.delete('/api/v1/me', { password: testPassword, login: 'someone-else' })), 400, 'VALIDATION')
    expectRefusal(await expectNothingChanged(portal, () => client.delete('/api/v1/me', { password: testPassword })), 400, 'VALIDATION')
    expectRefusal(await client.delete('/api/v1/me', { password: 'wrong', login: user.login }), 401, 'INVALID_CREDENTIALS')

    const deleted = await client.delete('/api/v1/me', { password: testPassword, login: user.login })
    expect(deleted.status, deleted.text).toBe(204)
    const db = portal.server.database.db
    const row = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ login: `__deleted_user_${user.id}`, password_hash: null, active: false, email: null })
    expect(row.deleted_at).not.toBeNull()
    expect(await db.selectFrom('payment_methods').select('id').where('user_id', '=', user.id).execute()).toEqual([])
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([])
    expect(await db.selectFrom('sign_in_devices').select('id').where('user_id', '=', user.id).execute()).toEqual([])
    const mail = await db.selectFrom('outbox').select(['template', 'status']).where('user_id', '=', user.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(mail).toEqual({ template: 'accountDeleted', status: 'blocked' }) // block-listed addresses are never mailed
    const blocked = await db.selectFrom('blocklist').select(['kind', 'value']).where('value', '=', (user.email ?? '').toLowerCase()).execute()
    expect(blocked).toEqual([{ kind: 'email', value: (user.email ?? '').toLowerCase() }])
    expectRefusal(await client.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await other.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await portalLogin(portal, user.login), 401, 'INVALID_CREDENTIALS')
    expect((await auditActions(portal, user.id)).at(-1)).toEqual({ action: 'account.delete', actor_role: 'portal', actor_id: user.id })
  })

  it.runIf(backend.enabled)('can skip the block list when deleting', async () => {
    const user = take(plain)
    const client = await signInPortalUser(portal, user.login)
    expect((await client.delete('/api/v1/me', { password: testPassword, login: user.login, blocklist: false })).status).toBe(204)
    const blocked = await portal.server.database.db.selectFrom('blocklist').select('id').where('value', '=', (user.email ?? '').toLowerCase()).execute()
    expect(blocked).toEqual([])
  })

  it.runIf(backend.enabled)('never answers 500 to garbage on any /me route, signed in', async () => {
    const client = await signInPortalUser(portal, take(plain).login)
    const routes: [string, string][] = [
      ['PATCH', '/api/v1/me'],
      ['DELETE', '/api/v1/me'],
      ['POST', '/api/v1/me/password'],
      ['POST', '/api/v1/me/sign-out-others'],
      ['POST', '/api/v1/me/2fa/setup'],
      ['POST', '/api/v1/me/2fa/verify'],
      ['DELETE', '/api/v1/me/2fa'],
      ['POST', '/api/v1/me/passkeys/options'],
      ['POST', '/api/v1/me/passkeys'],
      ['PATCH', '/api/v1/me/passkeys/{id}'],
      ['DELETE', '/api/v1/me/passkeys/{id}'],
      ['POST', '/api/v1/me/payment-methods'],
      ['DELETE', '/api/v1/me/payment-methods/{id}'],
      ['POST', '/api/v1/me/api-keys'],
      ['DELETE', '/api/v1/me/api-keys/{id}']
    ]
    const garbage: unknown[] = [
      null,
      [],
      'text',
      12,
      {},
      { password: null },
      { password: 'x'.repeat(10_000) },
      { password: 'wrong', login: "' or 1=1 --", blocklist: 'yes' },
      { code: 'abcdef' },
      { code: '١٢٣٤٥٦' },
      { name: '\u0000', response: { id: '!!', rawId: '', type: 'public-key', response: {} } },
      { number: '4242424242424242', expMonth: 13, expYear: 1999, holder: '' },
      { version: -1, name: 'x', email: 'a@b.c', phone: '123', street: 's', city: 'c', country: 'ZZ' },
      { description: '😀'.repeat(300), password: 'x', expiresInDays: 1e9 },
      { currentPassword: 'x', newPassword: '\u202e'.repeat(2000) }
    ]
    const ids = ['0', '-1', 'abc', '1e3', '2147483648', '%00', "1'--", '王']
    const failures: string[] = []
    for (const [method, template] of routes) {
      for (const id of template.includes('{id}') ? ids : ['']) {
        const path = template.replace('{id}', id)
        for (const json of garbage) {
          const response = await client.request(method, path, { json })
          if (response.status >= 500 || (response.status >= 400 && !apiErrorBody.safeParse(response.body).success)) failures.push(`${response.status} ${method} ${path}: ${response.text.slice(0, 160)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it.runIf(backend.enabled)('answers every /me route without a portal session with 401 before reading the body', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/me'],
      ['PATCH', '/api/v1/me'],
      ['DELETE', '/api/v1/me'],
      ['POST', '/api/v1/me/password'],
      ['POST', '/api/v1/me/sign-out-others'],
      ['POST', '/api/v1/me/2fa/setup'],
      ['POST', '/api/v1/me/2fa/verify'],
      ['DELETE', '/api/v1/me/2fa'],
      ['GET', '/api/v1/me/passkeys'],
      ['POST', '/api/v1/me/passkeys/options'],
      ['POST', '/api/v1/me/passkeys'],
      ['PATCH', '/api/v1/me/passkeys/1'],
      ['DELETE', '/api/v1/me/passkeys/1'],
      ['GET', '/api/v1/me/payment-methods'],
      ['POST', '/api/v1/me/payment-methods'],
      ['DELETE', '/api/v1/me/payment-methods/1'],
      ['GET', '/api/v1/me/api-keys'],
      ['POST', '/api/v1/me/api-keys'],
      ['DELETE', '/api/v1/me/api-keys/1'],
      ['POST', '/api/v1/me/logout']
    ]
    await expectNothingChanged(portal, async () => {
      for (const [method, path] of routes) expectRefusal(await portal.request(method, path, method === 'GET' ? {} : { rawBody: '{not json' }), 401, 'UNAUTHORIZED')
    })
  })
})
