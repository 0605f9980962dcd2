import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { WebsiteSummary } from '../../../src/shared/companies'
import { DeskError, fieldIssues } from '../../../src/shared/errors'
import type { UserDetail } from '../../../src/shared/users'
import { passwordMaxLength, passwordMinLength } from '../../../src/shared/passwords'
import { changeCredentials } from '../../../src/renderer/features/companies/change-credentials'
import { createPortalUser, invitationProblem, withTranslatedFieldIssues } from '../../../src/renderer/features/new-user/create-portal-user'
import { loginProblem } from '../../../src/renderer/features/new-user/portal-user-rules'
import { websiteChoice } from '../../../src/renderer/features/new-user/website-choice'
import { en } from '../../../src/renderer/i18n/en'
import { fakeDesk, userItem } from './support/fake-desk'

let t: TFunction
beforeAll(async () => {
  const instance = i18next.createInstance()
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } })
  t = instance.t
})

const created = (id: number): UserDetail => ({
  ...userItem(id, { name: 'Grace Hopper', login: 'ghopper' }),
  firstName: 'Grace',
  lastName: 'Hopper',
  role: null,
  language: 'en',
  city: null,
  country: null,
  companyId: 3,
  websiteId: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z'
})

const draft = { firstName: ' Grace ', lastName: 'Hopper', login: ' ghopper ', companyId: 3, websiteId: 7 }
const audit = { ticketRef: 'HD-1' }

describe('createPortalUser', () => {
  it('creates a portal user of the company with the typed password, names and login trimmed, and sends no invitation', async () => {
    const desk = fakeDesk()
    desk.users.create.mockResolvedValue(created(9))
    const result = await createPortalUser(desk, { ...draft, credentials: { kind: 'password', password: 'Typed-Secret-42!' } }, audit)
    expect(desk.users.create).toHaveBeenCalledWith({
      user: { kind: 'portal', firstName: 'Grace', lastName: 'Hopper', login: 'ghopper', password: 'Typed-Secret-42!', companyId: 3, websiteId: 7 },
      audit
    })
    expect(desk.security.portalAccess).not.toHaveBeenCalled()
    expect(result.invitation).toEqual({ kind: 'none' })
  })

  it('with an invitation: a random password nobody typed, then "reinvite" on the new user (the account is already active)', async () => {
    const desk = fakeDesk()
    desk.users.create.mockResolvedValue(created(9))
    desk.security.portalAccess.mockResolvedValue({ userId: 9, action: 'reinvite', active: true, sessionsRevoked: 0, mailId: 'm1', mailStatus: 'pending', version: 1 })
    const result = await createPortalUser(desk, { ...draft, email: ' grace@example.com ', credentials: { kind: 'invite' } }, audit)
    const sent = desk.users.create.mock.calls[0]?.[0].user
    expect(sent).toMatchObject({ email: 'grace@example.com', kind: 'portal' })
    const password = sent?.password ?? ''
    expect(password.length).toBeGreaterThanOrEqual(passwordMinLength)
    expect(password.length).toBeLessThanOrEqual(passwordMaxLength)
    expect(desk.security.portalAccess).toHaveBeenCalledWith({ id: 9, action: 'reinvite', audit })
    expect(result.invitation).toEqual({ kind: 'queued', mailId: 'm1' })
  })

  it('keeps the created user when the invitation fails, and says why in words', async () => {
    const desk = fakeDesk()
    desk.users.create.mockResolvedValue(created(9))
    const refusal = new DeskError('CONFLICT', 'This email address is already the login of another user.', [{ path: 'email', message: 'taken' }])
    desk.security.portalAccess.mockRejectedValue(refusal)
    const result = await createPortalUser(desk, { ...draft, email: 'grace@example.com', credentials: { kind: 'invite' } }, audit)
    expect(result.user.id).toBe(9)
    expect(result.invitation).toEqual({ kind: 'failed', error: refusal })
    expect(invitationProblem(refusal, t)).toBe('This email address already belongs to another user.')
    expect(invitationProblem(new DeskError('UNAVAILABLE'), t)).toBe(en.errors.UNAVAILABLE)
  })

  it('a creation refused by the server is not followed by an invitation', async () => {
    const desk = fakeDesk()
    desk.users.create.mockRejectedValue(new DeskError('CONFLICT', 'Another record already uses this login.', [{ path: 'login', message: 'Another record already uses this login.' }]))
    await expect(createPortalUser(desk, { ...draft, email: 'g@example.com', credentials: { kind: 'invite' } }, audit)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(desk.security.portalAccess).not.toHaveBeenCalled()
  })
})

describe('withTranslatedFieldIssues', () => {
  it('says a taken username in words on the login field, as a validation refusal rather than an edit conflict', () => {
    const error = withTranslatedFieldIssues(new DeskError('CONFLICT', 'Another record already uses this login.', [{ path: 'login', message: 'Another record already uses this login.' }]), t)
    expect(error).toBeInstanceOf(DeskError)
    expect((error as DeskError).code).toBe('VALIDATION')
    expect(fieldIssues((error as DeskError).details)).toEqual([{ path: 'login', message: 'This username is already taken. Choose another one.' }])
  })

  it('says a look-alike username in words on the login field', () => {
    const error = withTranslatedFieldIssues(new DeskError('CONFLICT', 'looks like', { reason: 'loginConfusable', path: 'login' }), t) as DeskError
    expect(error.code).toBe('VALIDATION')
    expect(fieldIssues(error.details)).toEqual([{ path: 'login', message: en.newUser.taken.loginConfusable }])
  })

  it('leaves other failures as they are', () => {
    const stale = new DeskError('CONFLICT', 'stale', { currentVersion: 4 })
    expect(withTranslatedFieldIssues(stale, t)).toBe(stale)
    const reauth = new DeskError('REAUTH_REQUIRED')
    expect(withTranslatedFieldIssues(reauth, t)).toBe(reauth)
    const policy = withTranslatedFieldIssues(new DeskError('VALIDATION', 'weak', [{ path: 'password', message: 'Too guessable.' }]), t) as DeskError
    expect(policy.code).toBe('VALIDATION')
    expect(fieldIssues(policy.details)).toEqual([{ path: 'password', message: 'Too guessable.' }])
  })
})

describe('loginProblem', () => {
  it('refuses what the shared username schema refuses, in words', () => {
    expect(loginProblem('grace', t)).toBeNull()
    expect(loginProblem('', t)).toBeNull()
    expect(loginProblem('grace hopper', t)).toBe('A username cannot contain spaces.')
    expect(loginProblem('__deleted_user_4', t)).toBe('Usernames starting with __deleted_user_ are reserved.')
    expect(loginProblem('x'.repeat(255), t)).toBe('At most 254 characters.')
    expect(loginProblem('support\u200b', t)).toBe(en.newUser.invalid.invisibleCharacters)
    expect(loginProblem('sup\u0085port', t)).toBe(en.newUser.invalid.controlCharacters)
    expect(loginProblem('josé.garcía', t)).toBeNull()
  })
})

describe('websiteChoice', () => {
  const site = (id: number, companyId: number | null): WebsiteSummary => ({ id, name: `Site ${id}`, url: `https://s${id}.example`, companyId, company: null })
  const all = [site(1, 1), site(2, 2), site(3, 2), site(4, null)]

  it("offers the company's own websites and preselects the only one", () => {
    expect(websiteChoice(all, 1)).toEqual({ websites: [site(1, 1)], ofCompany: true, preselected: 1 })
    expect(websiteChoice(all, 2)).toEqual({ websites: [site(2, 2), site(3, 2)], ofCompany: true, preselected: undefined })
  })

  it('offers every website when the company has none of its own', () => {
    expect(websiteChoice(all, 9)).toEqual({ websites: all, ofCompany: false, preselected: undefined })
  })
})

describe('changeCredentials', () => {
  const change = { login: 'ghopper', password: 'New-Secret-42!', mustChange: true, notify: false }

  it('sets only the password when the username is unchanged', async () => {
    const desk = fakeDesk()
    desk.security.setPassword.mockResolvedValue({ userId: 9, mustChangePassword: true, sessionsRevoked: 1, mailId: null, version: 4 })
    const renamed: unknown[] = []
    const result = await changeCredentials(desk, 9, { login: 'ghopper', version: 3 }, change, audit, (applied) => renamed.push(applied))
    expect(result).toEqual({ renamed: false })
    expect(desk.users.update).not.toHaveBeenCalled()
    expect(desk.security.setPassword).toHaveBeenCalledWith({ id: 9, password: 'New-Secret-42!', mustChange: true, notify: false, audit })
    expect(renamed).toEqual([])
  })

  it('renames first with the version that was read, reports it, then sets the password', async () => {
    const desk = fakeDesk()
    desk.users.update.mockResolvedValue({ ...created(9), login: 'grace.h', version: 4 })
    desk.security.setPassword.mockRejectedValue(new DeskError('UNAVAILABLE'))
    const renamed: unknown[] = []
    await expect(changeCredentials(desk, 9, { login: 'ghopper', version: 3 }, { ...change, login: ' grace.h ' }, audit, (applied) => renamed.push(applied))).rejects.toMatchObject({
      code: 'UNAVAILABLE'
    })
    expect(desk.users.update).toHaveBeenCalledWith({ id: 9, patch: { login: 'grace.h', version: 3 }, audit })
    // The rename is reported before the second step fails: a retry starts from the new login.
    expect(renamed).toEqual([{ login: 'grace.h', version: 4 }])
  })
})
