import { describe, expect, it } from 'vitest'
import { describeError, redact } from '../../../src/main/log'

describe('redact', () => {
  it('hides bearer tokens, named secrets and long opaque strings', () => {
    const token = 'kq3V9x_ZbE-1c2d3e4f5g6h7i8j9k0lmnopqrstuvwxyz'
    expect(redact(`Authorization: Bearer ${token}`)).not.toContain(token)
    expect(redact('{"login":"admin","password":"hunter2"}')).toBe('{"login":"admin","password":[redacted]}')
    expect(redact(`token=${token}`)).not.toContain(token)
    expect(redact(`failed with ${token} attached`)).toBe('failed with [redacted] attached')
  })

  it('hides the token of a link and a one-time code in any URL, even short ones', () => {
    expect(redact('could not open http://127.0.0.1:4780/reset-password?token=abc123&lang=en')).not.toContain('abc123')
    expect(redact('GET /confirm?code=123456 failed')).toBe('GET /confirm?code=[redacted] failed')
  })

  it('leaves ordinary words alone', () => {
    expect(redact('the portal server did not stop within 5000 ms')).toBe('the portal server did not stop within 5000 ms')
  })

  it('describes an error by name and message only', () => {
    const error = Object.assign(new Error('Request failed with status code 500'), { config: { headers: { authorization: 'Bearer abc' } } })
    expect(describeError(error)).toBe('Error: Request failed with status code 500')
    expect(describeError(42)).toBe('non-error value thrown: number')
  })
})
