import { describe, expect, it } from 'vitest'
import { escapeLike, maxSearchWords, searchPatterns } from '../../../src/server/domain/users/search'

describe('search patterns', () => {
  it('matches nothing special for an empty search', () => {
    expect(searchPatterns(undefined)).toEqual([])
    expect(searchPatterns('   ')).toEqual([])
  })

  it('lower-cases and splits into words that must all match', () => {
    expect(searchPatterns('  Fang   WANG ')).toEqual(['%fang%', '%wang%'])
    expect(searchPatterns('Anna.Schmidt@Example')).toEqual(['%anna.schmidt@example%'])
    expect(searchPatterns('王芳')).toEqual(['%王芳%'])
  })

  it('normalizes composed and decomposed accents alike', () => {
    expect(searchPatterns('Mu\u0308ller')).toEqual(searchPatterns('Müller'))
  })

  it('reduces phone-like text to its digits', () => {
    expect(searchPatterns('+1 (415) 555-0134')).toEqual(['%14155550134%'])
    expect(searchPatterns('030/123 45')).toEqual(['%03012345%'])
    expect(searchPatterns('555')).toEqual(['%555%'])
  })

  it('keeps short digit runs and mixed text as words', () => {
    expect(searchPatterns('12')).toEqual(['%12%'])
    expect(searchPatterns('room 12b')).toEqual(['%room%', '%12b%'])
  })

  it('escapes LIKE wildcards so that they match themselves', () => {
    expect(escapeLike('100%_\\x')).toBe('100\\%\\_\\\\x')
    expect(searchPatterns('%')).toEqual(['%\\%%'])
    expect(searchPatterns('a_b')).toEqual(['%a\\_b%'])
  })

  it('drops control characters, which no field holds and PostgreSQL refuses', () => {
    expect(searchPatterns('a\u0000b')).toEqual(['%a%', '%b%'])
    expect(searchPatterns('\u0000')).toEqual([])
  })

  it('ignores repeated words and words past the limit', () => {
    expect(searchPatterns('a a a')).toEqual(['%a%'])
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`)
    expect(searchPatterns(words.join(' '))).toHaveLength(maxSearchWords)
  })
})
