import { z } from 'zod'

/**
 * What the helpdesk shows of an email, a phone or a login that is an email: enough for the caller to
 * recognise it, not enough for someone who only knows a name to learn it.
 */

/** `wang.fang@example.com` → `w***@example.com`; null when there is no address. */
export function maskEmail(email: string): string
export function maskEmail(email: string | null): string | null
export function maskEmail(email: string | null): string | null {
  if (email === null) return null
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${Array.from(email)[0]}***${email.slice(at)}`
}

/**
 * Zod's permissive unicode pattern, not the strict one the email column is checked with: a login such
 * as `张伟@例子.中国` gives an address away just the same.
 */
const emailLike = z.email({ pattern: z.regexes.unicodeEmail })

/**
 * Many logins are the user's email: such a login is masked as the email is, or the masked email
 * column would be for nothing. `wfang` stays `wfang`.
 */
export function maskLogin(login: string): string {
  return emailLike.safeParse(login).success ? maskEmail(login) : login
}

/** `+1 (415) 555-4567` → `•••• 4567`; fewer than 4 digits show none. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null
  const last4 = phoneLast4(phone)
  return last4 === null ? '••••' : `•••• ${last4}`
}

/** The last 4 digits of a phone number (a knowledge-check fact), or null. */
export function phoneLast4(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D+/g, '')
  return digits.length >= 4 ? digits.slice(-4) : null
}
