import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../src/shared/audit'
import { codeSent, personMatchList, remindUsernameResult, verification, type Verification } from '../../src/shared/helpdesk'
import { createFixtureUser, type FixtureUser } from './security-fixtures'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal, signInAs, watchedTables, type OperatorClient } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const ticket = { ticket: 'HD-5150' }
const helpdeskTables = [...watchedTables, 'verification_codes', 'verifications'] as const
const minutes = (n: number) => n * 60_000

describe.each(backends)('the helpdesk on $name', (backend) => {
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
  /** Moves the clock, keeping both operators signed in (sessions end after 30 idle minutes). */
  const advance = async (ms: number) => {
    portal.clock.advance(ms)
    admin = await signInAs(portal, 'administrator')
    support = await signInAs(portal, 'support')
  }
  const lastAudit = (userId: number) =>
    db().selectFrom('audit_log').selectAll().where('target_user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const lastMail = (userId: number) => db().selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const sendCode = (who: OperatorClient, user: FixtureUser) => who.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket)
  /** Sends a code and reads it from the outbox, as the caller reads it from their mailbox. */
  const codeFor = async (who: OperatorClient, user: FixtureUser): Promise<string> => {
    const response = await sendCode(who, user)
    expect(response.status, response.text).toBe(200)
    const code = /(\d{6})/.exec((await lastMail(user.id)).body_text ?? '')?.[1]
    if (!code) throw new Error('no code in the email')
    return code
  }
  const checkCode = (who: OperatorClient, user: FixtureUser, code: string) => who.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code }, ticket)
  const verifyByCode = async (who: OperatorClient, user: FixtureUser): Promise<Verification> => {
    const response = await checkCode(who, user, await codeFor(who, user))
    expect(response.status, response.text).toBe(200)
    return verification.parse(response.body)
  }
  const withFacts = async (user: FixtureUser, facts: { phone?: string | null; city?: string | null; company?: string | null }) => {
    let companyId: number | null = null
    if (facts.company) {
      companyId = (await db().insertInto('companies').values({ name: facts.company }).returning('id').executeTakeFirstOrThrow()).id
    }
    await db()
      .updateTable('users')
      .set({ phone: facts.phone ?? null, city: facts.city ?? null, company_id: companyId })
      .where('id', '=', user.id)
      .execute()
  }

  it.runIf(backend.enabled)('finds people whatever the case, spaces and phone formatting, active first, masked', async () => {
    const user = await createFixtureUser(portal, {})
    await withFacts(user, { phone: '+1 (415) 555-0147', city: 'Springfield', company: 'Quasar Helpdesk Test GmbH' })
    await db().updateTable('users').set({ name: 'Zelda Quimby' }).where('id', '=', user.id).execute()
    const archived = await createFixtureUser(portal, { active: false })
    await db().updateTable('users').set({ name: 'Zelda Quimby' }).where('id', '=', archived.id).execute()

    for (const q of ['ZELDA quimby', '  zelda   QUIMBY ', '415 555 0147', '(415) 555-0147', '+14155550147', 'quasar helpdesk', user.email!.toUpperCase()]) {
      const response = await support.get(`${urlOf(endpoints.searchPeople)}?q=${encodeURIComponent(q)}`)
      expect(response.status, response.text).toBe(200)
      const { items } = personMatchList.parse(response.body)
      expect(items.map((item) => item.id), q).toContain(user.id)
      expect(response.text).not.toContain(user.email!)
      expect(response.text).not.toContain('555-0147')
      expect(response.text).not.toContain('5550147')
    }
    const { items } = personMatchList.parse((await admin.get(`${urlOf(endpoints.searchPeople)}?q=zelda%20quimby`)).body)
    expect(items.map((item) => item.id)).toEqual([user.id, archived.id])
    expect(items[0]).toMatchObject({
      login: user.login,
      company: 'Quasar Helpdesk Test GmbH',
      maskedEmail: `f***@example.com`,
      maskedPhone: '•••• 0147',
      active: true,
      locked: false,
      twoFactor: false,
      facts: { company: 'Quasar Helpdesk Test GmbH', city: 'Springfield', phoneLast4: '0147' }
    })
    expect(items[1]).toMatchObject({ active: false, maskedPhone: null, facts: { phoneLast4: null } })
    const limited = personMatchList.parse((await support.get(`${urlOf(endpoints.searchPeople)}?q=fixture&limit=2`)).body)
    expect(limited.items).toHaveLength(2)
  })

  it.runIf(backend.enabled)('masks a username that is an email as the email, keeps a plain username, and still finds either by it', async () => {
    const emailLogin = await createFixtureUser(portal, {})
    const plainLogin = await createFixtureUser(portal, {})
    // The common case: the login is the email itself.
    await db().updateTable('users').set({ login: emailLogin.email!, name: 'Ulrike Namesake' }).where('id', '=', emailLogin.id).execute()
    await db().updateTable('users').set({ name: 'Ulrike Namesake' }).where('id', '=', plainLogin.id).execute()

    const response = await support.get(`${urlOf(endpoints.searchPeople)}?q=${encodeURIComponent('ulrike namesake')}`)
    expect(response.status, response.text).toBe(200)
    expect(response.text).not.toContain(emailLogin.email!)
    const byId = new Map(personMatchList.parse(response.body).items.map((item) => [item.id, item]))
    expect(byId.get(emailLogin.id)).toMatchObject({ id: emailLogin.id, login: 'f***@example.com', maskedEmail: 'f***@example.com' })
    expect(byId.get(plainLogin.id)).toMatchObject({ id: plainLogin.id, login: plainLogin.login })

    for (const [q, user] of [[emailLogin.email!, emailLogin], [plainLogin.login, plainLogin]] as const) {
      const found = await admin.get(`${urlOf(endpoints.searchPeople)}?q=${encodeURIComponent(q)}`)
      expect(personMatchList.parse(found.body).items.map((item) => item.id), q).toContain(user.id)
      expect(found.text).not.toContain(emailLogin.email!)
    }
  })

  it.runIf(backend.enabled)('refuses bad searches in words, and anonymous callers', async () => {
    for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(201)}`, '?q=x&limit=0', '?q=x&limit=21', '?q=x&limit=two', '?q=x&other=1']) {
      const response = await support.get(`${urlOf(endpoints.searchPeople)}${query}`)
      expectRefusal(response, 400, 'VALIDATION')
    }
    expectRefusal(await portal.request('GET', `${urlOf(endpoints.searchPeople)}?q=x`), 401, 'UNAUTHORIZED')
  })

  it.runIf(backend.enabled)('sends a 6-digit code by email in the user language, stored hashed, and a right code verifies strongly once', async () => {
    const user = await createFixtureUser(portal, { language: 'zh-CN' })
    const response = await sendCode(support, user)
    expect(response.status, response.text).toBe(200)
    const sent = codeSent.parse(response.body)
    expect(sent).toEqual({
      channel: 'email',
      sentTo: `f***@example.com`,
      expiresAt: new Date(portal.clock.now().getTime() + minutes(10)).toISOString(),
      mailStatus: 'pending',
      mailId: expect.stringMatching(/^\d+$/)
    })
    const mail = await lastMail(user.id)
    expect(mail).toMatchObject({ template: 'verificationCode', language: 'zh-CN', to_address: user.email, subject: '您的支持团队验证码' })
    const code = /(\d{6})/.exec(mail.body_text ?? '')?.[1] ?? ''
    expect(code).toMatch(/^\d{6}$/)
    const stored = await db().selectFrom('verification_codes').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(stored.code_hash.toString('hex')).not.toContain(Buffer.from(code).toString('hex'))
    expect(portal.logLines.join('\n')).not.toContain(code)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'verification.codeSent', actor_id: support.id, ticket_ref: 'HD-5150' })

    const checked = await checkCode(support, user, ` ${code.slice(0, 3)} ${code.slice(3)} `)
    expect(checked.status, checked.text).toBe(200)
    expect(verification.parse(checked.body)).toMatchObject({ method: 'email_code', strength: 'strong', verifiedAt: portal.clock.now().toISOString() })
    expect(await lastAudit(user.id)).toMatchObject({ action: 'verification.passed', verification_method: 'email_code', ticket_ref: 'HD-5150' })

    const again = await expectNothingChanged(portal, () => checkCode(support, user, code), helpdeskTables)
    expectRefusal(again, 409, 'CONFLICT')
    expect(again.text).toContain('already used')
    // Another operator cannot check a code this one sent.
    expectRefusal(await checkCode(admin, user, code), 409, 'CONFLICT')
  })

  it.runIf(backend.enabled)('expires a code after 10 minutes by the server clock', async () => {
    const user = await createFixtureUser(portal, {})
    const code = await codeFor(support, user)
    await advance(minutes(10))
    const expired = await expectNothingChanged(portal, () => checkCode(support, user, code), helpdeskTables)
    expectRefusal(expired, 409, 'CONFLICT')
    expect(expired.text).toContain('expired')
    const fresh = await codeFor(support, user)
    await advance(minutes(9))
    expect((await checkCode(support, user, fresh)).status).toBe(200)
  })

  it.runIf(backend.enabled)('counts wrong codes, says how many attempts are left, and spends the code after 5', async () => {
    const user = await createFixtureUser(portal, {})
    const code = await codeFor(support, user)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await checkCode(support, user, wrong)
      expectRefusal(response, 400, 'VALIDATION')
      expect((response.body as { error: { details: { attemptsLeft: number } } }).error.details.attemptsLeft).toBe(5 - attempt)
    }
    expect(await lastAudit(user.id)).toMatchObject({ action: 'verification.failed', ticket_ref: 'HD-5150' })
    const spent = await expectNothingChanged(portal, () => checkCode(support, user, code), helpdeskTables)
    expectRefusal(spent, 429, 'RATE_LIMITED')
    expect(spent.text).toContain('Send a new code')
  })

  it.runIf(backend.enabled)('sends at most 3 codes per user in 10 minutes, and refuses a user without email in words', async () => {
    const user = await createFixtureUser(portal, {})
    for (let i = 0; i < 3; i++) expect((await sendCode(i === 1 ? admin : support, user)).status).toBe(200)
    const limited = await expectNothingChanged(portal, () => sendCode(support, user), helpdeskTables)
    expectRefusal(limited, 429, 'RATE_LIMITED')
    expect(limited.text).toContain('3 codes were already sent')
    await advance(minutes(10))
    expect((await sendCode(support, user)).status).toBe(200)

    const noEmail = await createFixtureUser(portal, { email: null })
    const refused = await expectNothingChanged(portal, () => sendCode(support, noEmail), helpdeskTables)
    expectRefusal(refused, 400, 'VALIDATION')
    expect(refused.text).toContain('no email address')
  })

  it.runIf(backend.enabled)('records a knowledge check as weak, only for facts on record', async () => {
    const user = await createFixtureUser(portal, {})
    await withFacts(user, { phone: '030 1234 5678', city: 'Berlin' })
    const refused = await expectNothingChanged(
      portal,
      () => support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['company', 'city'] }, ticket),
      helpdeskTables
    )
    expectRefusal(refused, 400, 'VALIDATION')
    expect(refused.text).toContain('no company on record')
    const response = await support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city', 'phoneLast4'] }, ticket)
    expect(response.status, response.text).toBe(200)
    expect(verification.parse(response.body)).toMatchObject({ method: 'knowledge', strength: 'weak' })
    expect(await lastAudit(user.id)).toMatchObject({ action: 'verification.passed', verification_method: 'knowledge', ticket_ref: 'HD-5150' })
  })

  it.runIf(backend.enabled)('records the verification method of a later action, and refuses a foreign or expired X-Verification', async () => {
    const user = await createFixtureUser(portal, {})
    const other = await createFixtureUser(portal, {})
    const passed = await verifyByCode(support, user)
    const withVerification = (id: string) => ({ ...ticket, headers: { 'x-verification': id } })

    const reset = await support.post(`/api/v1/users/${user.id}/reset-link`, undefined, withVerification(passed.verificationId))
    expect(reset.status, reset.text).toBe(200)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'password.resetLink', verification_method: 'email_code', ticket_ref: 'HD-5150' })
    const audit = auditPage.parse((await support.get(`/api/v1/audit?userId=${user.id}&action=password.resetLink`)).body)
    expect(audit.items[0]?.verificationMethod).toBe('email_code')

    const refusals: [OperatorClient, number, string, number, string][] = [
      [admin, user.id, passed.verificationId, 409, 'another operator'],
      [support, other.id, passed.verificationId, 409, 'another user'],
      [support, user.id, '999999999', 400, 'no verification'],
      [support, user.id, 'abc', 400, 'digits only']
    ]
    for (const [who, target, id, status, words] of refusals) {
      const response = await expectNothingChanged(portal, () => who.post(`/api/v1/users/${target}/reset-link`, undefined, withVerification(id)), helpdeskTables)
      expectRefusal(response, status, status === 400 ? 'VALIDATION' : 'CONFLICT')
      expect(response.text).toContain(words)
    }
    await advance(minutes(30))
    const expired = await expectNothingChanged(portal, () => support.post(`/api/v1/users/${user.id}/reset-link`, undefined, withVerification(passed.verificationId)), helpdeskTables)
    expectRefusal(expired, 409, 'CONFLICT')
    expect(expired.text).toContain('expired')
  })

  it.runIf(backend.enabled)("lets support turn off 2FA only after a code verification; administrators need none", async () => {
    const user = await createFixtureUser(portal, { twoFactor: true })
    await support.reauth()
    const bare = await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, ticket), helpdeskTables)
    expectRefusal(bare, 403, 'FORBIDDEN')
    expect(bare.text).toContain('verifying the caller with a code')

    await withFacts(user, { phone: '030 1234 5678', city: 'Berlin' })
    const weak = verification.parse((await support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city', 'phoneLast4'] }, ticket)).body)
    const headers = (id: string) => ({ ...ticket, headers: { 'x-verification': id } })
    const withWeak = await expectNothingChanged(portal, () => support.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, headers(weak.verificationId)), helpdeskTables)
    expectRefusal(withWeak, 403, 'FORBIDDEN')

    const strong = await verifyByCode(support, user)
    const done = await support.delete(urlOf(endpoints.disableTwoFactor, { id: user.id }), undefined, headers(strong.verificationId))
    expect(done.status, done.text).toBe(200)
    expect(await db().selectFrom('totp').select('user_id').where('user_id', '=', user.id).executeTakeFirst()).toBeUndefined()
    expect(await lastAudit(user.id)).toMatchObject({ action: 'twoFactor.disable', verification_method: 'email_code', actor_role: 'support' })

    const adminTarget = await createFixtureUser(portal, { twoFactor: true })
    await admin.reauth()
    expect((await admin.delete(urlOf(endpoints.disableTwoFactor, { id: adminTarget.id }))).status).toBe(200)
  })

  it.runIf(backend.enabled)('emails a forgotten username to the primary email, audited with the ticket', async () => {
    const user = await createFixtureUser(portal, {})
    const response = await support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, ticket)
    expect(response.status, response.text).toBe(200)
    expect(remindUsernameResult.parse(response.body)).toEqual({ sentTo: 'f***@example.com', mailStatus: 'pending', mailId: expect.stringMatching(/^\d+$/) })
    const mail = await lastMail(user.id)
    expect(mail).toMatchObject({ template: 'usernameReminder', to_address: user.email, subject: 'Your username' })
    // The answer names the email it queued, so that the desk can follow its delivery.
    expect(mail.id).toBe(remindUsernameResult.parse(response.body).mailId)
    expect(mail.body_text).toContain(user.login)
    expect(await lastAudit(user.id)).toMatchObject({ action: 'username.remind', actor_role: 'support', ticket_ref: 'HD-5150' })
  })

  it.runIf(backend.enabled)('documents its routes and never answers 500 to garbage', async () => {
    const documented = ((await portal.request('GET', '/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> }).paths
    const routes = [
      ['get', '/api/v1/helpdesk/people'],
      ['post', '/api/v1/users/{id}/verification/code'],
      ['post', '/api/v1/users/{id}/verification/code/check'],
      ['post', '/api/v1/users/{id}/verification/knowledge'],
      ['post', '/api/v1/users/{id}/remind-username']
    ] as const
    for (const [method, path] of routes) expect(documented[path]?.[method], `${method} ${path}`).toBeDefined()
    const garbage = ['%', '%00', '-1', '0', '1e309', '2147483648', "'; drop table users; --", '王芳', '__proto__', 'x'.repeat(3000)]
    const bodies: unknown[] = [null, [], 'text', { code: null }, { facts: 'city' }, { facts: [1, 2] }, { code: '1'.repeat(20) }, { __proto__: { code: '123456' } }]
    for (const value of garbage) {
      const answers = [
        await admin.get(`${urlOf(endpoints.searchPeople)}?q=${value}&limit=${value}`),
        await admin.request('GET', `/api/v1/users/1/reset-link`, { headers: { 'x-verification': value.slice(0, 100).replace(/[^\x20-\x7e]/g, '?') } }),
        ...(await Promise.all(routes.slice(1).map(([, path]) => admin.post(path.replace('{id}', value), bodies[value.length % bodies.length], ticket))))
      ]
      for (const answer of answers) {
        expect(answer.status, answer.text).toBeLessThan(500)
        expect((answer.body as { error?: { message?: string } }).error?.message, answer.text).toBeTruthy()
      }
    }
  })

  it.runIf(backend.enabled)('refuses bad input of every kind with a clear 400 and changes nothing', async () => {
    const user = await createFixtureUser(portal, {})
    const internal = await createFixtureUser(portal, { kind: 'internal' })
    const archived = await createFixtureUser(portal, { active: false })
    const cases: [() => ReturnType<OperatorClient['post']>, number, string][] = [
      [() => support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}), 400, 'VALIDATION'], // no ticket
      [() => support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.sendVerificationCode, { id: internal.id }), {}, ticket), 403, 'FORBIDDEN'],
      [() => support.post(urlOf(endpoints.remindUsername, { id: internal.id }), {}, ticket), 403, 'FORBIDDEN'],
      [() => support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), { channel: 'sms' }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.sendVerificationCode, { id: 2_147_483_647 }), {}, ticket), 404, 'NOT_FOUND'],
      [() => support.post('/api/v1/users/abc/verification/code', {}, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), {}, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: '12345' }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: 'abcdef' }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: 123456 }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: '123456', extra: 1 }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkVerificationCode, { id: user.id }), { code: '123456' }, ticket), 409, 'CONFLICT'], // nothing sent yet
      [() => support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city'] }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city', 'city'] }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), { facts: ['city', 'shoeSize'] }, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.checkKnowledge, { id: user.id }), {}, ticket), 400, 'VALIDATION'],
      [() => support.post(urlOf(endpoints.remindUsername, { id: archived.id }), {}, ticket), 409, 'CONFLICT'],
      [() => support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, { ...ticket, headers: { 'x-verification': '0' } }), 400, 'VALIDATION']
    ]
    for (const [call, status, code] of cases) {
      const response = await expectNothingChanged(portal, call, helpdeskTables)
      expectRefusal(response, status, code)
      expect((response.body as { error: { message: string } }).error.message.length).toBeGreaterThan(10)
    }
  })
})
