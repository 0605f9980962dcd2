import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { userFieldMessages } from '../../../src/shared/users'
import { avatarFileProblem, base64OfDataUrl } from '../../../src/renderer/features/user-form/avatar-file'
import {
  fieldProblems,
  isVersionConflict,
  otherEmailProblems,
  problemOfMessage,
  serverFieldProblems,
  type ValidationContext
} from '../../../src/renderer/features/user-form/field-validation'

const portal: ValidationContext = { kind: 'portal', hasCompany: true, today: '2026-05-01' }
const internal: ValidationContext = { kind: 'internal', hasCompany: false, today: '2026-05-01' }

describe('field validation with the shared schemas', () => {
  it('accepts good values and clears optional ones with an empty string', () => {
    expect(fieldProblems('phone', { phone: '+49 (30) 1234-567' }, portal)).toEqual([])
    expect(fieldProblems('phone', { phone: '' }, portal)).toEqual([])
    expect(fieldProblems('email', { email: '' }, portal)).toEqual([])
    expect(fieldProblems('middleName', { middleName: '   ' }, portal)).toEqual([])
    expect(fieldProblems('country', { country: 'de' }, portal)).toEqual([])
    expect(fieldProblems('birthday', { birthday: '1990-05-01' }, portal)).toEqual([])
  })

  it('names what is wrong, as a key the view translates', () => {
    expect(fieldProblems('phone', { phone: '0800-CALL-NOW' }, portal)).toEqual([{ key: 'invalidPhone' }])
    expect(fieldProblems('email', { email: 'wei@' }, portal)).toEqual([{ key: 'invalidEmail' }])
    expect(fieldProblems('login', { login: 'li wei' }, portal)).toEqual([{ key: 'loginSpaces' }])
    expect(fieldProblems('login', { login: '  ' }, portal)).toEqual([{ key: 'loginRequired' }])
    expect(fieldProblems('login', { login: '__deleted_user_9' }, portal)).toEqual([{ key: 'loginReserved' }])
    expect(fieldProblems('city', { city: 'x'.repeat(101) }, portal)).toEqual([{ key: 'tooLong', params: { max: 100 } }])
    expect(fieldProblems('street', { street: 'Main\tStreet' }, portal)).toEqual([{ key: 'controlCharacters' }])
    expect(fieldProblems('street', { street: 'Main\u0085Street' }, portal)).toEqual([{ key: 'controlCharacters' }])
    expect(fieldProblems('login', { login: 'support\u200b' }, portal)).toEqual([{ key: 'invisibleCharacters' }])
    expect(fieldProblems('lastName', { lastName: 'Roe\u202e' }, portal)).toEqual([{ key: 'invisibleCharacters' }])
    expect(fieldProblems('firstName', { firstName: 'Ann\ud800' }, portal)).toEqual([{ key: 'brokenCharacter' }])
    expect(fieldProblems('firstName', { firstName: '芳' }, portal)).toEqual([])
    expect(fieldProblems('country', { country: 'XX' }, portal)).toEqual([{ key: 'invalidCountry' }])
    expect(fieldProblems('birthday', { birthday: '1899-12-31' }, portal)).toEqual([{ key: 'birthdayTooEarly' }])
    expect(fieldProblems('birthday', { birthday: '2026-05-02' }, portal)).toEqual([{ key: 'birthdayInFuture' }])
  })

  it('requires what a portal user needs (names, company, website) and the role of an internal user', () => {
    expect(fieldProblems('firstName', { firstName: '' }, portal)).toEqual([{ key: 'required' }])
    expect(fieldProblems('lastName', { lastName: ' ' }, portal)).toEqual([{ key: 'required' }])
    expect(fieldProblems('firstName', { firstName: '' }, internal)).toEqual([])
    expect(fieldProblems('companyId', { companyId: null }, portal)).toEqual([{ key: 'companyRequired' }])
    expect(fieldProblems('websiteId', { websiteId: null }, portal)).toEqual([{ key: 'websiteRequired' }])
    expect(fieldProblems('companyId', { companyId: null }, internal)).toEqual([])
    expect(fieldProblems('role', { role: null }, internal)).toEqual([{ key: 'required' }])
    expect(fieldProblems('companyName', { companyName: '' }, portal)).toEqual([{ key: 'companyNameRequired' }])
    expect(fieldProblems('companyName', { companyName: '' }, internal)).toEqual([])
  })

  it('checks each other email, and that none is listed twice', () => {
    expect(otherEmailProblems(['a@example.com', 'b@example.com'], 1)).toEqual([])
    expect(otherEmailProblems(['a@example.com', 'not an email'], 1)).toEqual([{ key: 'invalidEmail' }])
    expect(otherEmailProblems(['a@example.com', 'A@Example.com'], 1)).toEqual([{ key: 'emailTwice' }])
    expect(otherEmailProblems(['a@example.com', ''], 1)).toEqual([{ key: 'required' }])
  })

  it('words the shared schemas’ messages and keeps the words of any other', () => {
    expect(problemOfMessage(userFieldMessages.invalidEmail)).toEqual({ key: 'invalidEmail' })
    expect(problemOfMessage('At most 40 characters.')).toEqual({ key: 'tooLong', params: { max: 40 } })
    // The server's own refusals are worded from their reason, never from their English text.
    expect(problemOfMessage('Another record already uses this login.')).toEqual({ key: 'server', params: { message: 'Another record already uses this login.' } })
    expect(problemOfMessage('Something new.')).toEqual({ key: 'server', params: { message: 'Something new.' } })
  })
})

describe('server refusals mapped onto the form', () => {
  it('puts each field issue on its field, other emails by index, the avatar apart', () => {
    const refusal = new DeskError('VALIDATION', 'bad', [
      { path: 'birthday', message: 'Any words', reason: 'birthdayInFuture' },
      { path: 'emails.1', message: userFieldMessages.invalidEmail },
      { path: 'avatar', message: 'Any words', reason: 'avatarType' },
      { path: 'X-Ticket-Ref', message: 'Any words', reason: 'ticketRequired' }
    ])
    expect(serverFieldProblems(refusal)).toEqual({
      problems: [
        { field: 'birthday', problem: { key: 'birthdayInFuture' } },
        { field: 'emails', index: 1, problem: { key: 'invalidEmail' } },
        { field: 'avatar', problem: { key: 'avatarType' } }
      ],
      unmatched: 1
    })
  })

  it('tells a stale version from a CONFLICT about a value', () => {
    expect(isVersionConflict(new DeskError('CONFLICT', 'stale', { currentVersion: 9 }))).toBe(true)
    const taken = new DeskError('CONFLICT', 'taken', [{ path: 'login', message: 'Any words', reason: 'loginTaken' }])
    expect(isVersionConflict(taken)).toBe(false)
    expect(serverFieldProblems(taken).problems).toEqual([{ field: 'login', problem: { key: 'loginTaken' } }])
    const lookalike = new DeskError('CONFLICT', 'looks like', { reason: 'loginConfusable', path: 'login' })
    expect(isVersionConflict(lookalike)).toBe(false)
    expect(serverFieldProblems(lookalike).problems).toEqual([{ field: 'login', problem: { key: 'loginConfusable' } }])
    expect(isVersionConflict({ code: 'CONFLICT', message: 'x', details: { currentVersion: 3 } })).toBe(true)
    expect(isVersionConflict(new DeskError('VALIDATION', 'x', { currentVersion: 3 }))).toBe(false)
  })

  it('puts a document lock on each field it names, whatever its words', () => {
    const locked = new DeskError('DOCUMENT_LOCKED', 'locked', [{ path: 'vat', message: 'Any words' }])
    expect(serverFieldProblems(locked).problems).toEqual([{ field: 'vat', problem: { key: 'documentLocked' } }])
  })
})

describe('the avatar file, checked before anything is sent', () => {
  it('takes PNG, JPEG and WebP up to 1 MiB', () => {
    expect(avatarFileProblem({ type: 'image/png', size: 2048 })).toBeNull()
    expect(avatarFileProblem({ type: 'image/webp', size: 1024 * 1024 })).toBeNull()
    expect(avatarFileProblem({ type: 'image/gif', size: 10 })).toEqual({ key: 'avatarType' })
    expect(avatarFileProblem({ type: 'image/jpeg', size: 0 })).toEqual({ key: 'avatarEmpty' })
    expect(avatarFileProblem({ type: 'image/jpeg', size: 1024 * 1024 + 1 })).toEqual({ key: 'avatarTooLarge', params: { size: '1.0 MiB' } })
    expect(avatarFileProblem({ type: 'image/jpeg', size: 3 * 1024 * 1024 })).toEqual({ key: 'avatarTooLarge', params: { size: '3.0 MiB' } })
  })

  it('sends the base64 part of the data URL', () => {
    expect(base64OfDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=')
    expect(base64OfDataUrl('data:image/png,raw')).toBeNull()
  })
})
