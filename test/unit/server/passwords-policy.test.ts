import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy, userInputWords } from '../../../src/server/domain/passwords/policy'
import { passwordMaxLength } from '../../../src/shared/passwords'

describe('checkPasswordPolicy', () => {
  it('accepts long unguessable passphrases, with emoji or Chinese too', () => {
    for (const password of ['correct horse battery staple', 'ziggurat-velvet-Nocturne-42', '月光下的猫在屋顶上跳舞唱歌', 'tea 🫖 and 🐉 at dawn, 1987!', 'x'.repeat(10) + 'Q7#pL2@zR9']) {
      expect(checkPasswordPolicy(password), password).toEqual({ ok: true })
    }
  })

  it('refuses common and weak passwords from the zxcvbn-ts dictionaries', () => {
    for (const password of ['password', 'password123', 'Password1!', 'qwertyuiop', 'iloveyou1', '12345678', 'aaaaaaaaaaaa', 'abcdefgh']) {
      const result = checkPasswordPolicy(password)
      expect(result.ok, password).toBe(false)
      if (!result.ok) {
        expect(result.issues).toHaveLength(1)
        expect(result.issues[0]?.path).toBe('password')
        expect(result.issues[0]?.message).toMatch(/too common or too easy to guess/)
      }
    }
  })

  it("refuses a password built from the user's own login, name or email", () => {
    const inputs = ['wolfgang.ameling', 'Wolfgang Ameling', 'w.ameling@ameling-gmbh.de']
    // Strong enough for a stranger, but not for Wolfgang Ameling himself.
    expect(checkPasswordPolicy('wolfgang.ameling1').ok).toBe(true)
    expect(checkPasswordPolicy('wolfgang.ameling1', { userInputs: inputs }).ok).toBe(false)
  })

  it('bounds the length in characters (code points), and refuses control characters', () => {
    expect(checkPasswordPolicy('Ab1#xyz')).toMatchObject({ ok: false, issues: [{ path: 'password', message: expect.stringContaining('at least 8') }] })
    expect(checkPasswordPolicy('😀'.repeat(passwordMaxLength + 1))).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining(`at most ${passwordMaxLength}`) }] })
    expect(checkPasswordPolicy('line\nbreak in a long passphrase')).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('control characters') }] })
    expect(checkPasswordPolicy('\u0000'.repeat(20)).ok).toBe(false)
  })

  it('splits user inputs into their words', () => {
    expect(userInputWords(['Ada Lovelace', 'ada.l@example.com', '  '])).toEqual(
      expect.arrayContaining(['ada lovelace', 'lovelace', 'ada.l@example.com', 'example'])
    )
  })
})
