import { describe, expect, it } from 'vitest'
import { defaultSignInProtection, lockDurationMs } from '../../../src/server/domain/sign-in/policy'
import { accountKey } from '../../../src/server/domain/sign-in/throttle'

const minute = 60_000

describe('sign-in protection policy', () => {
  it('locks after 10 failures in 15 minutes and throttles an IP after 50', () => {
    expect(defaultSignInProtection).toMatchObject({ accountFailureLimit: 10, ipFailureLimit: 50, windowMs: 15 * minute })
  })

  it('doubles each lock from one minute and never exceeds 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 40, 1e9].map((locks) => lockDurationMs(locks) / minute)).toEqual([1, 2, 4, 8, 15, 15, 15, 15])
  })

  it('treats nonsense lock counts as the first lock, never as a permanent one', () => {
    expect(lockDurationMs(-3)).toBe(minute)
    expect(lockDurationMs(Number.NaN)).toBeLessThanOrEqual(15 * minute)
    expect(lockDurationMs(Number.POSITIVE_INFINITY)).toBe(15 * minute)
  })

  it('follows a custom policy', () => {
    const policy = { ...defaultSignInProtection, firstLockMs: 1000, maxLockMs: 5000 }
    expect([0, 1, 2, 3, 4].map((locks) => lockDurationMs(locks, policy))).toEqual([1000, 2000, 4000, 5000, 5000])
  })

  it('keys accounts by the audience and the trimmed, lower-cased login, NUL-safe and bounded', () => {
    expect(accountKey('portal', '  Jane.Doe ')).toBe('portal:jane.doe')
    expect(accountKey('operator', '  Jane.Doe ')).toBe('operator:jane.doe')
    expect(accountKey('portal', 'a\u0000b')).toBe('portal:a\ufffdb')
    expect(accountKey('operator', 'x'.repeat(1000))).toHaveLength(254)
  })
})
