import { describe, expect, it } from 'vitest'
import { renderMail } from '../../../src/server/mail/templates'
import { sniffAvatarType } from '../../../src/server/domain/users/avatar'
import { documentLockRefusal } from '../../../src/server/domain/users/document-lock'
import { assertBirthdayNotInFuture, composeName } from '../../../src/server/domain/users/fields'
import { avatarUrl, toListItem, type ListItemRow } from '../../../src/server/domain/users/list-item'
import { completeUserListItem, countryCodes, userCreateRequest, userListQuery, userUpdateRequest } from '../../../src/shared/users'

describe('avatar type by magic bytes', () => {
  it('recognizes PNG, JPEG and WebP whatever the claimed type', () => {
    expect(sniffAvatarType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffAvatarType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffAvatarType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]))).toBe('image/webp')
  })

  it('refuses everything else, truncated signatures included', () => {
    for (const bytes of [Buffer.from('GIF89a'), Buffer.from('<svg/>'), Buffer.from([0x89, 0x50, 0x4e]), Buffer.alloc(0), Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')])]) {
      expect(sniffAvatarType(bytes)).toBeNull()
    }
  })
})

describe('user fields', () => {
  it('knows the 249 ISO 3166-1 alpha-2 codes, and every one is a region Intl can name', () => {
    expect(countryCodes.size).toBe(249)
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
    for (const code of countryCodes) expect(names.of(code), code).toBeTruthy()
    expect(countryCodes.has('EU')).toBe(false)
  })

  it('composes a display name from the parts that are there', () => {
    expect(composeName({ namePrefix: 'Dr.', firstName: 'Ada', lastName: 'Lovelace' })).toBe('Dr. Ada Lovelace')
    expect(composeName({ firstName: ' ', lastName: null })).toBe('')
  })

  it('refuses a birthday after today by the given clock, not the machine’s', () => {
    const now = new Date('2026-03-02T23:59:00Z')
    expect(() => assertBirthdayNotInFuture('2026-03-02', now)).not.toThrow()
    expect(() => assertBirthdayNotInFuture('2026-03-03', now)).toThrow(/future/)
    expect(() => assertBirthdayNotInFuture(null, now)).not.toThrow()
  })

  it('validates create and update bodies strictly', () => {
    const portal = { kind: 'portal', login: 'a.b', password: 'x', firstName: 'A', lastName: 'B', companyId: 1, websiteId: 1 }
    expect(userCreateRequest.safeParse(portal).success).toBe(true)
    expect(userCreateRequest.safeParse({ ...portal, companyId: true }).success).toBe(false)
    expect(userCreateRequest.safeParse({ ...portal, admin: true }).success).toBe(false)
    expect(userCreateRequest.safeParse({ kind: 'internal', login: 'x', name: 'X' }).success).toBe(false)
    expect(userUpdateRequest.parse({ version: 3, country: 'de', street2: '  ' })).toEqual({ version: 3, country: 'DE', street2: null })
    expect(userUpdateRequest.safeParse({ version: 3, city: 'x'.repeat(10_000) }).success).toBe(false)
    expect(userUpdateRequest.safeParse({ version: 3, emails: ['a@example.org', 'A@example.org'] }).success).toBe(false)
  })

  it('keeps the list query of older callers working and parses the new filters', () => {
    expect(userListQuery.parse({}).status).toBeUndefined()
    expect(userListQuery.parse({ status: 'archived', twoFactor: 'on', locked: 'true', signIn: 'dormant', companyId: '7' })).toMatchObject({ companyId: 7, signIn: 'dormant' })
    expect(userListQuery.safeParse({ companyId: '2147483648' }).success).toBe(false)
  })
})

describe('list item', () => {
  const row: ListItemRow = {
    id: 5, kind: 'portal', login: 'li', name: 'Li', email: null, phone: null, company_name: null, website_name: null, active: true,
    last_sign_in_at: null, version: 2, name_prefix: null, first_name: 'L', middle_name: null, last_name: 'I', name_suffix: null, emails: [],
    birthday: '1990-01-01', avatar_updated_at: new Date('2026-01-01T00:00:00Z'), street: null, street2: null, city: null, zip: null, state: null,
    country: 'CN', invoice_delivery: 'email', language: 'zh-CN', role: null, locked_until: new Date('2026-03-02T08:10:00Z'),
    must_change_password: false, company_id: null, website_id: null, created_at: new Date('2025-01-01T00:00:00Z'),
    updated_at: new Date('2025-01-02T00:00:00Z'), totp_enabled_at: new Date('2025-06-01T00:00:00Z')
  }

  it('has every field of issue 3, and a lock that ends by the clock', () => {
    const during = toListItem(row, new Date('2026-03-02T08:00:00Z'))
    expect(completeUserListItem.parse(during)).toEqual(during)
    expect(during).toMatchObject({ locked: true, lockedUntil: '2026-03-02T08:10:00.000Z', twoFactor: true, avatarUrl: avatarUrl(5, row.avatar_updated_at) })
    expect(toListItem(row, new Date('2026-03-02T08:10:00Z'))).toMatchObject({ locked: false, lockedUntil: null })
  })
})

describe('country lock and account-deleted mail', () => {
  it('names the locked fields and tells whom to ask', () => {
    const refusal = documentLockRefusal(['country', 'vat'], false)
    expect(refusal.code).toBe('DOCUMENT_LOCKED')
    expect(refusal.message).toMatch(/Contact an administrator/)
    expect(refusal.details).toEqual([expect.objectContaining({ path: 'country' }), expect.objectContaining({ path: 'vat' })])
    expect(documentLockRefusal(['country'], true).message).toMatch(/X-Reason/)
  })

  it('renders the account-deleted mail in both languages', () => {
    const data = { name: '王芳', deletedAt: '2026-03-02T08:00:00.000Z' }
    expect(renderMail('accountDeleted', 'en', data)).toMatchObject({ subject: 'Your portal account was deleted' })
    expect(renderMail('accountDeleted', 'zh-CN', data).text).toContain('2026-03-02 08:00 UTC')
  })
})
