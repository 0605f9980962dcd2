/**
 * Turns the free text of the users grid into LIKE patterns over `users.search_text`, which holds the
 * lower-cased name, login, email, company name, and the phone number reduced to its digits.
 *
 * - Words are matched independently ("fang wang" finds "wang.fang@…"), every word must match.
 * - Text that looks like a phone number ("+1 (415) 555-01") is reduced to its digits, so that the
 *   spaces, dashes and parentheses people type do not matter.
 * - LIKE wildcards typed by the user (`%`, `_`, `\`) match themselves.
 */
export const maxSearchWords = 8

const phoneLike = /^[+\d\s().\-/]+$/

export function searchPatterns(q: string | undefined): string[] {
  // Control characters cannot be part of a name or an address; NUL cannot even reach PostgreSQL.
  // eslint-disable-next-line no-control-regex
  const text = (q ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').normalize('NFC').trim().toLowerCase()
  if (text === '') return []
  if (phoneLike.test(text)) {
    const digits = text.replace(/\D+/g, '')
    if (digits.length >= 3) return [containsPattern(digits)]
  }
  const words = [...new Set(text.split(/\s+/).filter(Boolean))].slice(0, maxSearchWords)
  return words.map(containsPattern)
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`
}
