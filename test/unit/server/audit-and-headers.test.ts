import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { parseAuditHeaders } from '../../../src/server/http/audit-headers'
import { auditValue, diffChanges, isSecretField, redacted, sanitizeChanges } from '../../../src/server/domain/audit/changes'
import { decodeAuditCursor, encodeAuditCursor } from '../../../src/server/domain/audit/list'
import { auditListQuery } from '../../../src/shared/audit'

function refusal(run: () => unknown): DeskError {
  try {
    run()
  } catch (error) {
    if (error instanceof DeskError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('parseAuditHeaders', () => {
  it('trims, and treats empty as absent', () => {
    expect(parseAuditHeaders({ 'x-ticket-ref': '  HD-1234 ', 'x-reason': '  Customer%20called ' })).toEqual({ ticketRef: 'HD-1234', reason: 'Customer called', verificationId: null })
    expect(parseAuditHeaders({ 'x-ticket-ref': '   ', 'x-reason': '' })).toEqual({ ticketRef: null, reason: null, verificationId: null })
    expect(parseAuditHeaders({})).toEqual({ ticketRef: null, reason: null, verificationId: null })
  })

  it('percent-decodes the reason, so that any language fits in a header', () => {
    expect(parseAuditHeaders({ 'x-reason': encodeURIComponent('客户来电：忘记密码 🙂') }).reason).toBe('客户来电：忘记密码 🙂')
    expect(parseAuditHeaders({ 'x-ticket-ref': '#4521', 'x-reason': 'plain ascii' })).toEqual({ ticketRef: '#4521', reason: 'plain ascii', verificationId: null })
  })

  it.each([
    ['a ticket too long', { 'x-ticket-ref': 'H'.repeat(65) }, 'X-Ticket-Ref'],
    ['a ticket with SQL', { 'x-ticket-ref': "1'; drop table users; --" }, 'X-Ticket-Ref'],
    ['a ticket with Latin-1 bytes', { 'x-ticket-ref': 'HD-Ã©' }, 'X-Ticket-Ref'],
    ['a ticket sent twice', { 'x-ticket-ref': ['HD-1', 'HD-2'] }, 'X-Ticket-Ref'],
    ['a reason too long', { 'x-reason': 'x'.repeat(501) }, 'X-Reason'],
    ['a reason with bad percent-encoding', { 'x-reason': '%E0%A4%A' }, 'X-Reason'],
    ['a reason with raw non-ASCII', { 'x-reason': 'Ã¤rger' }, 'X-Reason'],
    ['a reason with a control character', { 'x-reason': 'a%00b' }, 'X-Reason']
  ])('refuses %s with 400 VALIDATION naming the header', (_label, headers, path) => {
    const error = refusal(() => parseAuditHeaders(headers))
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([{ path, message: expect.any(String) }])
  })

  it('accepts the longest allowed values', () => {
    expect(parseAuditHeaders({ 'x-ticket-ref': 'H'.repeat(64), 'x-reason': 'r'.repeat(500) })).toEqual({ ticketRef: 'H'.repeat(64), reason: 'r'.repeat(500), verificationId: null })
  })
})

describe('audit changes', () => {
  it('recognizes secret fields by the words of their names', () => {
    for (const name of ['password', 'newPassword', 'password_hash', 'passwordHash', 'token', 'resetToken', 'secret', 'totpSecret', 'pending_secret', 'apiKey', 'key', 'key_hash', 'publicKey', 'otp', 'credentialId', 'cardNumber', 'cvc']) {
      expect(isSecretField(name), name).toBe(true)
    }
    for (const name of ['login', 'email', 'name', 'country', 'mustChangePassword'.replace('Password', ''), 'lockedUntil', 'role', 'brand', 'last4', 'monkey']) {
      expect(isSecretField(name), name).toBe(false)
    }
  })

  it('keeps only the fields that changed, before → after, with secrets redacted', () => {
    const before = { login: 'anna', email: 'a@example.com', country: 'DE', passwordHash: '$argon2id$old', updatedAt: new Date('2026-01-01T00:00:00Z') }
    const after = { login: 'anna', email: 'anna@example.com', country: 'FR', passwordHash: '$argon2id$new', updatedAt: '2026-01-01T00:00:00.000Z', phone: undefined }
    expect(diffChanges(before, after)).toEqual({
      email: { from: 'a@example.com', to: 'anna@example.com' },
      country: { from: 'DE', to: 'FR' },
      passwordHash: { from: redacted, to: redacted }
    })
  })

  it('never stores a secret, even nested or passed in by mistake', () => {
    const stored = JSON.stringify(
      sanitizeChanges({
        password: { from: null, to: 'hunter2-hunter2' },
        settings: { from: { theme: 'dark' }, to: { theme: 'light', apiKey: 'pk_live_secret' } },
        avatar: { from: null, to: Buffer.alloc(2048) }
      })
    )
    expect(stored).not.toContain('hunter2')
    expect(stored).not.toContain('pk_live_secret')
    expect(stored).toContain('[2048 bytes]')
    expect(stored).toContain('light')
  })

  it('replaces what jsonb cannot hold', () => {
    expect(auditValue('a\u0000b')).toBe('a\ufffdb')
    expect(auditValue('x\ud800y')).toBe('x\ufffdy')
    expect(auditValue('😀')).toBe('😀')
  })
})

describe('audit list query and cursor', () => {
  it('round-trips a cursor and refuses a forged one', () => {
    const cursor = { at: '2026-03-02T08:00:00.000Z', id: '12345' }
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor)
    for (const bad of ['', 'x', '!!!', Buffer.from('{"a":"nope","i":"1"}').toString('base64url'), Buffer.from('{"a":"2026-03-02T08:00:00.000Z","i":"1;drop"}').toString('base64url')]) {
      expect(() => decodeAuditCursor(bad)).toThrow(DeskError)
    }
  })

  it('validates filters', () => {
    expect(auditListQuery.parse({ userId: '12', limit: '10' })).toMatchObject({ userId: 12, limit: 10 })
    expect(auditListQuery.safeParse({ action: "x'; drop" }).success).toBe(false)
    expect(auditListQuery.safeParse({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }).success).toBe(false)
    expect(auditListQuery.safeParse({ userId: '0' }).success).toBe(false)
    expect(auditListQuery.safeParse({ limit: '201' }).success).toBe(false)
  })
})
