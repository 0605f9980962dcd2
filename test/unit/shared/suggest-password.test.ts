import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy } from '../../../src/server/domain/passwords/policy'
import { suggestPassword as suggestFrom, suggestedPasswordLength } from '../../../src/shared/suggest-password'

const suggestPassword = (random = (buffer: Uint32Array) => crypto.getRandomValues(buffer)) => suggestFrom(random)

describe('Suggest password', () => {
  it('always passes the server password policy, even against the user’s own words', () => {
    // zxcvbn takes a few milliseconds per 20-character password: 50 draws keep this test quick.
    for (let i = 0; i < 50; i++) {
      const password = suggestPassword()
      expect(password).toHaveLength(suggestedPasswordLength)
      expect(checkPasswordPolicy(password, { userInputs: ['ada.lovelace', 'Ada Lovelace', 'ada@example.com'] })).toEqual({ ok: true })
    }
  }, 60_000)

  it('draws every time from the CSPRNG: no two suggestions alike', () => {
    const seen = new Set(Array.from({ length: 500 }, () => suggestPassword()))
    expect(seen.size).toBe(500)
  })

  it('has an upper-case letter, a lower-case letter, a digit and a symbol, and no look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const password = suggestPassword()
      expect(password).toMatch(/[A-Z]/)
      expect(password).toMatch(/[a-z]/)
      expect(password).toMatch(/[2-9]/)
      expect(password).toMatch(/[-_.!@#%+=*?]/)
      expect(password).not.toMatch(/[0O1lI]/)
    }
  })

  it('discards draws from the biased tail of the 32-bit range instead of folding them in', () => {
    const draws: number[] = []
    const password = suggestPassword((buffer) => {
      // Every other draw is the largest 32-bit value, which lies beyond the last whole multiple of 68.
      const value = draws.length % 2 === 0 ? 0xffff_ffff : crypto.getRandomValues(new Uint32Array(1))[0]!
      draws.push(value)
      buffer[0] = value
      return buffer
    })
    expect(password).toHaveLength(suggestedPasswordLength)
    // Each character needed two draws: the tail value was thrown away, never used as 0xFFFFFFFF % 68.
    expect(draws.length % 2).toBe(0)
    expect(draws.length).toBeGreaterThanOrEqual(2 * suggestedPasswordLength)
  })
})
