import { describe, expect, it } from 'vitest'
import { loginKey, loginSkeleton } from '../../../src/server/domain/users/login-identity'

describe('login key (NFKC and case folding)', () => {
  it('folds case, compatibility forms and full-width letters into one login', () => {
    for (const login of ['Support', 'SUPPORT', 'ＳＵＰＰＯＲＴ', 'ｓｕｐｐｏｒｔ']) expect(loginKey(login)).toBe('support')
    expect(loginKey('STRASSE')).toBe(loginKey('straße'))
    expect(loginKey('ﬁle')).toBe('file')
  })

  it('keeps accents and other scripts apart', () => {
    expect(loginKey('josé')).not.toBe(loginKey('jose'))
    expect(loginKey('suppοrt')).not.toBe('support')
  })
})

describe('login skeleton (Unicode TR39 confusables)', () => {
  it('gives look-alikes from other scripts and digits the skeleton of the login they imitate', () => {
    for (const login of ['supp\u03bfrt', '\u0455upport', 'supp0rt', 'Support', 'ＳＵＰＰＯＲＴ']) expect(loginSkeleton(login)).toBe(loginSkeleton('support'))
    expect(loginSkeleton('adrnin')).toBe(loginSkeleton('admin'))
    expect(loginSkeleton('раураl')).toBe(loginSkeleton('paypal'))
  })

  it('tells apart logins that only share letters', () => {
    expect(loginSkeleton('josé')).not.toBe(loginSkeleton('jose'))
    expect(loginSkeleton('li.na')).not.toBe(loginSkeleton('li.wei'))
    expect(loginSkeleton('王芳')).toBe('王芳')
  })
})
