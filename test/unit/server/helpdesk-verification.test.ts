import { describe, expect, it } from 'vitest'
import { codeMatches, generateCode, hashCode, newCodeSalt } from '../../../src/server/domain/helpdesk/codes'
import { maskEmail, maskLogin, maskPhone, phoneLast4 } from '../../../src/server/domain/helpdesk/mask'
import { strengthOf } from '../../../src/server/domain/helpdesk/verification'
import { parseAuditHeaders } from '../../../src/server/http/audit-headers'

describe('masking for the helpdesk', () => {
  it('shows the first letter and the domain of an email, never the rest', () => {
    expect(maskEmail('wang.fang@example.com')).toBe('w***@example.com')
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn')
    expect(maskEmail('张伟@例子.中国')).toBe('张***@例子.中国')
    expect(maskEmail('"odd@local"@example.com')).toBe('"***@example.com')
    expect(maskEmail('no-at-sign')).toBe('***')
    expect(maskEmail(null)).toBeNull()
  })

  it('masks a login that is an email exactly as the email, and leaves other logins alone', () => {
    for (const login of ['wang.fang@example.com', 'Wang.Fang+desk@Example.COM', '张伟@例子.中国', 'a@b']) expect(maskLogin(login), login).toBe(maskEmail(login))
    expect(maskLogin('wang.fang@example.com')).toBe('w***@example.com')
    for (const login of ['wfang', 'wang.fang', 'li.na', '王芳', '@handle', 'trailing@', 'two words@example.com']) expect(maskLogin(login), login).toBe(login)
  })

  it('shows the last 4 digits of a phone whatever its formatting', () => {
    expect(maskPhone('+1 (415) 555-4567')).toBe('•••• 4567')
    expect(maskPhone('030 1234 5678')).toBe('•••• 5678')
    expect(maskPhone('12')).toBe('••••')
    expect(maskPhone(null)).toBeNull()
    expect(phoneLast4('+86 138-0013-8000')).toBe('8000')
    expect(phoneLast4('ext. 12')).toBeNull()
    expect(phoneLast4(null)).toBeNull()
  })
})

describe('verification codes', () => {
  it('are 6 digits, zero-padded, and vary', () => {
    const codes = Array.from({ length: 200 }, generateCode)
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    expect(new Set(codes).size).toBeGreaterThan(190)
  })

  it('are stored as a salted SHA-256 that only the right code matches', () => {
    const salt = newCodeSalt()
    const hash = hashCode('042917', salt)
    expect(hash).toHaveLength(32)
    expect(hash.toString('hex')).not.toContain(Buffer.from('042917').toString('hex'))
    expect(codeMatches('042917', salt, hash)).toBe(true)
    expect(codeMatches('042918', salt, hash)).toBe(false)
    expect(codeMatches('42917', salt, hash)).toBe(false)
    // The same code under another salt hashes differently.
    expect(hashCode('042917', newCodeSalt()).equals(hash)).toBe(false)
    expect(codeMatches('042917', salt, Buffer.alloc(16))).toBe(false)
  })

  it('make a strong verification; a knowledge check a weak one', () => {
    expect(strengthOf('email_code')).toBe('strong')
    expect(strengthOf('sms_code')).toBe('strong')
    expect(strengthOf('knowledge')).toBe('weak')
  })
})

describe('X-Verification', () => {
  it('is read with the other audit headers, digits only', () => {
    expect(parseAuditHeaders({ 'x-verification': ' 42 ' }).verificationId).toBe('42')
    expect(parseAuditHeaders({ 'x-verification': '' }).verificationId).toBeNull()
    for (const bad of ['0', '-1', '1e3', 'abc', '1'.repeat(19)]) {
      expect(() => parseAuditHeaders({ 'x-verification': bad }), bad).toThrow(/X-Verification/)
    }
    expect(() => parseAuditHeaders({ 'x-verification': ['1', '2'] })).toThrow(/once/)
  })
})
