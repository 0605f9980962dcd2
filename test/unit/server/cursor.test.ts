import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { decodeCursor, encodeCursor } from '../../../src/server/domain/users/cursor'

const encodeRaw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('user list cursors', () => {
  it('round-trips text and time keys, opaque and URL-safe', () => {
    const text = { sort: 'name' as const, key: 'müller, anna 王芳', id: 42 }
    const encoded = encodeCursor(text)
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(encoded, 'name')).toEqual(text)
    const time = { sort: '-lastSignInAt' as const, key: '2026-01-02T03:04:05.678Z', id: 7 }
    expect(decodeCursor(encodeCursor(time), '-lastSignInAt')).toEqual(time)
    const never = { sort: 'lastSignInAt' as const, key: null, id: 9 }
    expect(decodeCursor(encodeCursor(never), 'lastSignInAt')).toEqual(never)
  })

  const invalid = [
    ['not base64url', 'a+b/c=', 'name'],
    ['not JSON', Buffer.from('{oops').toString('base64url'), 'name'],
    ['a JSON array', encodeRaw([1, 2]), 'name'],
    ['a numeric key', encodeRaw({ s: 'name', k: 5, i: 1 }), 'name'],
    ['a null key for a text sort', encodeRaw({ s: 'name', k: null, i: 1 }), 'name'],
    ['a time key that is no instant', encodeRaw({ s: 'lastSignInAt', k: 'yesterday', i: 1 }), 'lastSignInAt'],
    ['an id of zero', encodeRaw({ s: 'name', k: 'a', i: 0 }), 'name'],
    ['an id beyond int4', encodeRaw({ s: 'name', k: 'a', i: 2_147_483_648 }), 'name'],
    ['a fractional id', encodeRaw({ s: 'name', k: 'a', i: 1.5 }), 'name'],
    ['an unknown sort', encodeRaw({ s: 'age', k: 'a', i: 1 }), 'name'],
    ['a NUL in the key', encodeRaw({ s: 'name', k: 'a\u0000', i: 1 }), 'name'],
    ['a very long key', encodeRaw({ s: 'name', k: 'x'.repeat(700), i: 1 }), 'name']
  ] as const

  for (const [what, cursor, sort] of invalid) {
    it(`rejects ${what} as a VALIDATION error on the cursor field`, () => {
      try {
        decodeCursor(cursor, sort)
        expect.unreachable('decoded')
      } catch (error) {
        expect(error).toBeInstanceOf(DeskError)
        expect((error as DeskError).code).toBe('VALIDATION')
        expect((error as DeskError).details).toEqual([{ path: 'cursor', message: expect.any(String) }])
      }
    })
  }

  it('rejects a cursor made for another sort order', () => {
    const cursor = encodeCursor({ sort: 'name', key: 'a', id: 1 })
    expect(() => decodeCursor(cursor, '-name')).toThrow(/another sort order/)
  })
})
