import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../src/server/domain/auth/passwords'
import { bearerToken, hashToken, issueToken } from '../../../src/server/domain/auth/tokens'

describe('session tokens', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const a = issueToken()
    const b = issueToken()
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toHaveLength(32)
    expect(a.hash.equals(hashToken(a.token))).toBe(true)
    expect(a.hash.toString('base64url')).not.toBe(a.token)
  })

  it('are read from a Bearer header only when well formed', () => {
    const { token } = issueToken()
    expect(bearerToken(`Bearer ${token}`)).toBe(token)
    expect(bearerToken(`bearer ${token}`)).toBe(token)
    expect(bearerToken(undefined)).toBeNull()
    expect(bearerToken('Bearer')).toBeNull()
    expect(bearerToken(`Basic ${token}`)).toBeNull()
    expect(bearerToken(`Bearer ${token}x`)).toBeNull()
    expect(bearerToken(`Bearer ${token} ${token}`)).toBeNull()
    expect(bearerToken('Bearer ' + '%'.repeat(43))).toBeNull()
  })
})

describe('passwords', () => {
  it('hash with argon2id at 19 MiB, two passes, one lane, salted', async () => {
    const first = await hashPassword('s3cret')
    const second = await hashPassword('s3cret')
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(first).not.toBe(second)
    expect(await verifyPassword(first, 's3cret')).toBe(true)
    expect(await verifyPassword(first, 'S3cret')).toBe(false)
  })

  it('treat an unreadable hash as a mismatch instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
    expect(await verifyPassword('', 'x')).toBe(false)
  })
})
