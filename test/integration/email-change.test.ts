import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personMatchList } from '../../src/shared/helpdesk'
import { meProfile, portalLoginResponse, twoFactorSetupResponse, type MeProfile } from '../../src/shared/portal'
import { completeUserDetail } from '../../src/shared/users'
import { emailChangePages, type EmailChangePage } from '../../src/server/domain/email-change/links'
import { backends } from './support/backends'
import { passkeyRegistrationChallenge, passkeySiteOf, signInWithPasskey, SoftwareAuthenticator } from './support/software-authenticator'
import { expectNothingChanged, expectRefusal, signInAs, watchedTables, type OperatorClient } from './support/operators'
import { startTestPortal, testPassword, type ApiResponse, type TestPortal } from './support/portal'
import { contactForm, portalLogin, signInablePortalUsers, signInPortalUser, type PortalClient, type PortalUserRow } from './portal-helpers'
import { endpoints, urlOf } from '../../src/shared/endpoints'

const ticket = { ticket: 'HD-1010' }
const hours = (n: number) => n * 3_600_000
/** A wrong or right password goes through the sign-in gate, which may touch users' counters: those checks watch the other tables. */
const tablesButUsers = watchedTables.filter((table) => table !== 'users')
const newPassword = 'violet orbit cathedral marmalade 47'

describe.each(backends)('email changes on $name', (backend) => {
  let portal: TestPortal
  let users: PortalUserRow[]
  const take = () => {
    const user = users.shift()
    if (!user) throw new Error('not enough seeded portal users')
    return user
  }

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 80 })
    users = await signInablePortalUsers(portal, 30, { withDocuments: false })
  })
  afterAll(async () => {
    await portal?.close()
  })

  const db = () => portal.server.database.db
  const fresh = (label: string) => `${label}.${randomBytes(4).toString('hex')}@mail.example`
  /** Operators sign in for each use: tests move the clock by days. */
  const operator = (role: 'administrator' | 'support'): Promise<OperatorClient> => signInAs(portal, role)

  async function profileOf(client: PortalClient): Promise<MeProfile> {
    const response = await client.get('/api/v1/me')
    expect(response.status, response.text).toBe(200)
    return meProfile.parse(response.body)
  }
  /** Asks for a new address with the password, as the form does; returns the answer. */
  async function changeEmail(client: PortalClient, email: string): Promise<ApiResponse> {
    return client.patch('/api/v1/me', contactForm(await profileOf(client), { email, currentPassword: testPassword }))
  }
  const mailsTo = (address: string) =>
    db().selectFrom('outbox').select(['id', 'to_address', 'template', 'body_text', 'user_id']).where('to_address', '=', address).orderBy('id').execute()
  const lastMailOf = (userId: number) => db().selectFrom('outbox').select(['to_address', 'template', 'body_text']).where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  const emailOf = async (userId: number) => (await db().selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email
  /** Follows the reset link of the user's last email, as its owner does, and sets `password`. */
  async function resetThroughLastMail(userId: number, password: string): Promise<void> {
    const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec((await lastMailOf(userId)).body_text ?? '')?.[1] ?? ''
    const reset = await portal.request('POST', '/reset-password', { json: { token, password } })
    expect(reset.status, reset.text).toBe(200)
  }
  /** The token of the last link to `page` emailed to `address`, read as its owner reads the mailbox. */
  async function linkTo(address: string, page: EmailChangePage): Promise<string> {
    const pattern = new RegExp(`${emailChangePages[page]}\\?token=([A-Za-z0-9_-]{43})`)
    const tokens = (await mailsTo(address)).map((mail) => pattern.exec(mail.body_text ?? '')?.[1]).filter((token): token is string => token !== undefined)
    const token = tokens.at(-1)
    if (!token) throw new Error(`no ${page} link was mailed to ${address}`)
    return token
  }
  const openPage = (page: EmailChangePage, token: string) => portal.request('GET', `${emailChangePages[page]}?token=${encodeURIComponent(token)}`)
  const submitPage = (page: EmailChangePage, token: string) =>
    portal.request('POST', emailChangePages[page], { rawBody: new URLSearchParams({ token }).toString(), contentType: 'application/x-www-form-urlencoded' })
  const lastAudit = (userId: number, action: string) =>
    db().selectFrom('audit_log').select(['changes', 'actor_role', 'actor_id']).where('target_user_id', '=', userId).where('action', '=', action).orderBy('id', 'desc').limit(1).executeTakeFirst()
  const refusalReason = (response: ApiResponse) => (response.body as { error?: { details?: { reason?: string } } }).error?.details?.reason

  it.runIf(backend.enabled)('the takeover replayed: a stolen session cannot move the account mail; codes, reset links and reminders keep going to the old address', async () => {
    const victim = take()
    const oldEmail = victim.email ?? ''
    const stolen = await signInPortalUser(portal, victim.login)
    const attacker = fresh('attacker')
    const profile = await profileOf(stolen)

    const noPassword = await expectNothingChanged(portal, () => stolen.patch('/api/v1/me', contactForm(profile, { email: attacker })), tablesButUsers)
    expectRefusal(noPassword, 403, 'REAUTH_REQUIRED')
    expect(refusalReason(noPassword)).toBe('passwordRequired')
    const wrongPassword = await expectNothingChanged(portal, () => stolen.patch('/api/v1/me', contactForm(profile, { email: attacker, currentPassword: 'not the password' })), tablesButUsers)
    expectRefusal(wrongPassword, 401, 'INVALID_CREDENTIALS')

    // Even with the password, the address is only pending: the account keeps its confirmed one.
    const accepted = await stolen.patch('/api/v1/me', contactForm(profile, { email: attacker, currentPassword: testPassword }))
    expect(accepted.status, accepted.text).toBe(200)
    const after = meProfile.parse(accepted.body)
    expect(after.email).toBe(oldEmail)
    expect(after.pendingEmail).toEqual({ address: attacker, expiresAt: new Date(portal.clock.now().getTime() + hours(24)).toISOString() })
    expect(await emailOf(victim.id)).toBe(oldEmail)

    // The old address is told at once, with the undo link; the new one gets only the confirmation link.
    const notice = (await mailsTo(oldEmail)).at(-1)
    expect(notice?.template).toBe('emailChangeNotice')
    expect(notice?.body_text).toContain(`${emailChangePages.undo}?token=`)
    expect(notice?.body_text).not.toContain(attacker)
    expect((await mailsTo(attacker)).map((mail) => mail.template)).toEqual(['emailChangeConfirm'])

    // The helpdesk: verification code, username reminder, reset link, required reset: all to the old address.
    const support = await operator('support')
    const admin = await operator('administrator')
    const code = await support.post(urlOf(endpoints.sendVerificationCode, { id: victim.id }), {}, ticket)
    expect(code.status, code.text).toBe(200)
    expect(await lastMailOf(victim.id)).toMatchObject({ to_address: oldEmail, template: 'verificationCode' })
    const reminder = await support.post(urlOf(endpoints.remindUsername, { id: victim.id }), {}, ticket)
    expect(reminder.status, reminder.text).toBe(200)
    expect(await lastMailOf(victim.id)).toMatchObject({ to_address: oldEmail, template: 'usernameReminder' })
    const resetLink = await admin.post(`/api/v1/users/${victim.id}/reset-link`, {}, ticket)
    expect(resetLink.status, resetLink.text).toBe(200)
    expect(await lastMailOf(victim.id)).toMatchObject({ to_address: oldEmail, template: 'resetLink' })
    expect((await mailsTo(attacker)).map((mail) => mail.template)).toEqual(['emailChangeConfirm'])

    // The desk sees the pending change: the user page in full, the helpdesk masked.
    const detail = completeUserDetail.parse((await admin.get(`/api/v1/users/${victim.id}`)).body)
    expect(detail.pendingEmailChange).toEqual(after.pendingEmail)
    const search = await support.get(`${urlOf(endpoints.searchPeople)}?q=${encodeURIComponent(victim.login)}`)
    const match = personMatchList.parse(search.body).items.find((item) => item.id === victim.id)
    expect(match?.maskedPendingEmail).toBe(`a***@${attacker.split('@')[1]}`)
    expect(search.text).not.toContain(attacker)
  })

  it.runIf(backend.enabled)('a user whose only address is pending gets no code, reset link or reminder: 409 noConfirmedEmail', async () => {
    const user = take()
    await db().updateTable('users').set({ email: null }).where('id', '=', user.id).execute()
    const client = await signInPortalUser(portal, user.login)
    const pending = fresh('only.pending')
    expect((await changeEmail(client, pending)).status).toBe(200)
    const support = await operator('support')
    const admin = await operator('administrator')
    const tables = [...watchedTables, 'verification_codes']
    for (const send of [
      () => support.post(urlOf(endpoints.sendVerificationCode, { id: user.id }), {}, ticket),
      () => support.post(urlOf(endpoints.remindUsername, { id: user.id }), {}, ticket),
      () => admin.post(`/api/v1/users/${user.id}/reset-link`, {}, ticket),
      () => admin.post(`/api/v1/users/${user.id}/require-reset`, {}, ticket)
    ]) {
      const refused = await expectNothingChanged(portal, send, tables)
      expectRefusal(refused, 409, 'CONFLICT')
      expect(refusalReason(refused)).toBe('noConfirmedEmail')
    }
    expect((await mailsTo(pending)).map((mail) => mail.template)).toEqual(['emailChangeConfirm'])
  })

  it.runIf(backend.enabled)('the confirmation link: a GET uses nothing, a POST confirms once, a newer change replaces it, 24 hours', async () => {
    const user = take()
    const oldEmail = user.email ?? ''
    const client = await signInPortalUser(portal, user.login)
    const first = fresh('first')
    const second = fresh('second')
    expect((await changeEmail(client, first)).status).toBe(200)
    const firstToken = await linkTo(first, 'confirm')
    expect((await changeEmail(client, second)).status).toBe(200)
    const secondToken = await linkTo(second, 'confirm')

    // The replaced link is dead.
    const replaced = await expectNothingChanged(portal, () => submitPage('confirm', firstToken))
    expect(replaced.status).toBe(400)
    expect(replaced.text).toContain('This link cannot be used')

    // A mail scanner's GET (twice) shows the button and changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await expectNothingChanged(portal, () => openPage('confirm', secondToken))
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(page.text).toContain('<button type="submit">Confirm</button>')
      expect(page.text).toContain(second)
    }
    expect(await emailOf(user.id)).toBe(oldEmail)

    const confirmed = await submitPage('confirm', secondToken)
    expect(confirmed.status, confirmed.text).toBe(200)
    expect(confirmed.text).toContain('Your email address is changed')
    expect(await emailOf(user.id)).toBe(second)
    expect(await lastAudit(user.id, 'email.confirm')).toMatchObject({ actor_role: 'portal', actor_id: user.id, changes: { email: { from: oldEmail, to: second } } })
    expect((await profileOf(client)).pendingEmail).toBeNull()

    // Single use.
    const again = await expectNothingChanged(portal, () => submitPage('confirm', secondToken))
    expect(again.status).toBe(400)
    expect((await openPage('confirm', secondToken)).text).toContain('This link cannot be used')

    // 24 hours: still usable a minute before, dead at the end.
    const third = fresh('third')
    expect((await changeEmail(client, third)).status).toBe(200)
    const thirdToken = await linkTo(third, 'confirm')
    portal.clock.advance(hours(24) - 60_000)
    expect((await openPage('confirm', thirdToken)).text).toContain('<button type="submit">Confirm</button>')
    portal.clock.advance(60_000)
    const expired = await expectNothingChanged(portal, () => submitPage('confirm', thirdToken))
    expect(expired.status).toBe(400)
    expect(await emailOf(user.id)).toBe(second)
  })

  it.runIf(backend.enabled)('the undo link: restores the old address, cancels the pending change, ends every session and API key, requires a new password', async () => {
    const user = take()
    const oldEmail = user.email ?? ''
    const stolen = await signInPortalUser(portal, user.login)
    const other = await signInPortalUser(portal, user.login)
    const key = await stolen.post('/api/v1/me/api-keys', { password: testPassword, description: 'planted' })
    expect(key.status, key.text).toBe(201)

    // The attacker confirms a first address from their own mailbox, then asks for a second one.
    const taken = fresh('taken.over')
    expect((await changeEmail(stolen, taken)).status).toBe(200)
    const undoToken = await linkTo(oldEmail, 'undo')
    expect((await submitPage('confirm', await linkTo(taken, 'confirm'))).status).toBe(200)
    expect(await emailOf(user.id)).toBe(taken)
    const next = fresh('next')
    expect((await changeEmail(stolen, next)).status).toBe(200)
    const pendingToken = await linkTo(next, 'confirm')

    // The owner opens the undo link from the old mailbox: the GET changes nothing.
    const page = await expectNothingChanged(portal, () => openPage('undo', undoToken))
    expect(page.text).toContain('<button type="submit">Undo the change</button>')
    const undone = await submitPage('undo', undoToken)
    expect(undone.status, undone.text).toBe(200)
    expect(undone.text).toContain('The change is undone')

    const row = await db().selectFrom('users').select(['email', 'reset_required']).where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ email: oldEmail, reset_required: true })
    expectRefusal(await stolen.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    expectRefusal(await other.get('/api/v1/me'), 401, 'UNAUTHORIZED')
    const keys = await db().selectFrom('api_keys').select('revoked_at').where('user_id', '=', user.id).execute()
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.every((k) => k.revoked_at !== null)).toBe(true)
    expectRefusal(await portalLogin(portal, user.login, testPassword), 401, 'INVALID_CREDENTIALS')
    expect(await lastAudit(user.id, 'email.undoChange')).toMatchObject({
      actor_role: 'portal',
      changes: { email: { from: taken, to: oldEmail }, resetRequired: { to: true }, pendingEmailChanges: { from: 1, to: 0 } }
    })

    // The pending change died with the undo; the undo link is single use.
    const dead = await expectNothingChanged(portal, () => submitPage('confirm', pendingToken))
    expect(dead.status).toBe(400)
    expect((await expectNothingChanged(portal, () => submitPage('undo', undoToken))).status).toBe(400)

    // The reset link went to the restored address; with it the owner takes the account back.
    expect(await lastMailOf(user.id)).toMatchObject({ to_address: oldEmail, template: 'resetLink' })
    await resetThroughLastMail(user.id, newPassword)
    expect((await portalLogin(portal, user.login, newPassword)).status).toBe(200)
    expect((await mailsTo(next)).map((mail) => mail.template)).toEqual(['emailChangeConfirm'])
  })

  it.runIf(backend.enabled)('the undo link also removes every way in that the thief could have added: a passkey, an authenticator app, a trusted device', async () => {
    const user = take()
    const oldEmail = user.email ?? ''
    const site = await passkeySiteOf(portal, user)
    // The thief signs in with the stolen password: that client is a trusted device from now on.
    const thiefSignIn = await portalLogin(portal, user.login, testPassword)
    const thiefDevice = portalLoginResponse.parse(thiefSignIn.body).deviceToken ?? ''
    const stolen = await signInPortalUser(portal, user.login)
    const thiefKey = new SoftwareAuthenticator()
    const registration = thiefKey.register({ challenge: await passkeyRegistrationChallenge(stolen), rpId: site.rpId, origin: site.origin })
    expect((await stolen.post('/api/v1/me/passkeys', { name: 'Mine now', response: registration })).status).toBe(201)
    const setup = await stolen.post('/api/v1/me/2fa/setup', { password: testPassword })
    const { secret } = twoFactorSetupResponse.parse(setup.body)
    const verified = await stolen.post('/api/v1/me/2fa/verify', { code: await generate({ secret, epoch: Math.floor(portal.clock.now().getTime() / 1000) }) })
    expect(verified.status, verified.text).toBe(200)
    expect((await changeEmail(stolen, fresh('thief'))).status).toBe(200)
    const devices = await db().selectFrom('sign_in_devices').select('id').where('user_id', '=', user.id).execute()
    expect(devices.length).toBeGreaterThanOrEqual(2)

    const undone = await submitPage('undo', await linkTo(oldEmail, 'undo'))
    expect(undone.status, undone.text).toBe(200)
    expect(undone.text).toContain('passkeys, authenticator app and remembered devices are removed')
    expect(await lastAudit(user.id, 'email.undoChange')).toMatchObject({
      changes: { passkeysRemoved: { to: 1 }, twoFactor: { from: true, to: false }, trustedDevicesForgotten: { to: devices.length } }
    })
    await resetThroughLastMail(user.id, newPassword)

    // With a password set again, the thief's passkey would sign in on its own: it is gone.
    expectRefusal((await signInWithPasskey(portal, thiefKey, site)).answer, 401, 'INVALID_CREDENTIALS')
    // The owner signs in with the new password alone: no code from the thief's app is asked for.
    expect((await portalLogin(portal, user.login, newPassword)).status).toBe(200)
    // The thief's device lost its exemption from the lock: once the account is locked for unknown
    // devices, a right guess from it is refused like any other.
    for (let i = 0; i < 10; i++) expectRefusal(await portalLogin(portal, user.login, 'not the new password'), 401, 'INVALID_CREDENTIALS')
    expectRefusal(await portalLogin(portal, user.login, newPassword, { deviceToken: thiefDevice }), 401, 'INVALID_CREDENTIALS')
  })

  it.runIf(backend.enabled)('the undo link works for 7 days, not longer', async () => {
    const user = take()
    const client = await signInPortalUser(portal, user.login)
    expect((await changeEmail(client, fresh('late'))).status).toBe(200)
    const undoToken = await linkTo(user.email ?? '', 'undo')
    portal.clock.advance(hours(7 * 24) - 60_000)
    expect((await openPage('undo', undoToken)).text).toContain('Undo the change')
    portal.clock.advance(60_000)
    expect((await openPage('undo', undoToken)).text).toContain('This link cannot be used')
    const late = await expectNothingChanged(portal, () => submitPage('undo', undoToken))
    expect(late.status).toBe(400)
  })

  it.runIf(backend.enabled)('deleting the account erases its email changes, and their links with them', async () => {
    const user = take()
    const client = await signInPortalUser(portal, user.login)
    const pending = fresh('before.deletion')
    expect((await changeEmail(client, pending)).status).toBe(200)
    const confirmToken = await linkTo(pending, 'confirm')
    expect((await client.delete('/api/v1/me', { password: testPassword, login: user.login, blocklist: false })).status).toBe(204)
    expect(await db().selectFrom('email_changes').select('id').where('user_id', '=', user.id).execute()).toEqual([])
    expect((await submitPage('confirm', confirmToken)).status).toBe(400)
  })

  it.runIf(backend.enabled)('an address that is taken (portal user, operator, pending elsewhere) is answered exactly as a free one', async () => {
    const [me, someone, pendingOwner] = [take(), take(), take()]
    const admin = await operator('administrator')
    const operatorEmail = (await db().selectFrom('users').select('email').where('id', '=', admin.id).executeTakeFirstOrThrow()).email ?? ''
    expect(operatorEmail).not.toBe('')
    const pendingElsewhere = fresh('pending.elsewhere')
    expect((await changeEmail(await signInPortalUser(portal, pendingOwner.login), pendingElsewhere)).status).toBe(200)

    const client = await signInPortalUser(portal, me.login)
    /** The answer with the address itself blanked out: all that may differ. */
    const shape = (response: ApiResponse, address: string) => ({
      status: response.status,
      body: response.text.replaceAll(JSON.stringify(address).slice(1, -1), '<address>').replace(/"version":\d+/, '"version":0')
    })
    const free = fresh('free')
    const freeAnswer = shape(await changeEmail(client, free), free)
    expect(freeAnswer.status).toBe(200)
    for (const taken of [(someone.email ?? '').toUpperCase(), operatorEmail, pendingElsewhere]) {
      const answer = await changeEmail(client, taken)
      expect(shape(answer, taken), taken).toEqual(freeAnswer)
      expect(await emailOf(me.id)).toBe(me.email)
    }
    // The owner of a taken address hears someone tried; nobody gets a link that could confirm it.
    const operatorMail = (await mailsTo(operatorEmail)).at(-1)
    expect(operatorMail?.template).toBe('emailChangeTaken')
    expect(operatorMail?.body_text).not.toContain('token=')
    expect((await mailsTo(someone.email ?? '')).length + (await mailsTo((someone.email ?? '').toUpperCase())).length).toBeGreaterThan(0)
    expect(await emailOf(admin.id)).toBe(operatorEmail)
  })

  it.runIf(backend.enabled)('a shared company cannot be renamed or get another VAT through /me; a company of one can', async () => {
    const user = take()
    const client = await signInPortalUser(portal, user.login)
    const profile = await profileOf(client)
    expect(user.company_id).not.toBeNull()
    const others = await db().selectFrom('users').select('id').where('company_id', '=', user.company_id).where('id', '!=', user.id).execute()
    if (others.length === 0) await db().updateTable('users').set({ company_id: user.company_id }).where('id', '=', users[0]?.id ?? 0).execute()
    for (const change of [{ companyName: 'Renamed For Everyone Ltd' }, { vat: 'XX999999' }]) {
      const refused = await expectNothingChanged(portal, () => client.patch('/api/v1/me', contactForm(profile, change)))
      expectRefusal(refused, 403, 'FORBIDDEN')
      expect(refusalReason(refused)).toBe('companyShared')
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/ask an administrator/i)
    }

    const alone = await db().insertInto('companies').values({ name: 'Solo Trader' }).returning('id').executeTakeFirstOrThrow()
    await db().updateTable('users').set({ company_id: alone.id }).where('id', '=', user.id).execute()
    const renamed = await client.patch('/api/v1/me', contactForm(await profileOf(client), { companyName: 'Solo Trader Renamed', vat: 'DE123456789' }))
    expect(renamed.status, renamed.text).toBe(200)
    expect(meProfile.parse(renamed.body)).toMatchObject({ companyName: 'Solo Trader Renamed', vat: 'DE123456789' })
  })

  it.runIf(backend.enabled)('an administrator changing the email tells the old address, keeps both in the audit row and ends a pending change', async () => {
    const user = take()
    const oldEmail = user.email ?? ''
    const client = await signInPortalUser(portal, user.login)
    const pending = fresh('pending.before.admin')
    expect((await changeEmail(client, pending)).status).toBe(200)
    const pendingToken = await linkTo(pending, 'confirm')

    const admin = await operator('administrator')
    await admin.reauth()
    const current = completeUserDetail.parse((await admin.get(`/api/v1/users/${user.id}`)).body)
    const vouched = fresh('set.by.admin')
    const response = await admin.patch(`/api/v1/users/${user.id}`, { version: current.version, email: vouched }, ticket)
    expect(response.status, response.text).toBe(200)
    expect(completeUserDetail.parse(response.body)).toMatchObject({ email: vouched, pendingEmailChange: null })

    const notice = (await mailsTo(oldEmail)).at(-1)
    expect(notice?.template).toBe('emailChangedByAdministrator')
    expect(notice?.body_text).not.toContain(vouched)
    expect(await lastAudit(user.id, 'user.update')).toMatchObject({ actor_role: 'administrator', changes: { email: { from: oldEmail, to: vouched } } })
    expect((await expectNothingChanged(portal, () => submitPage('confirm', pendingToken))).status).toBe(400)
  })
})
