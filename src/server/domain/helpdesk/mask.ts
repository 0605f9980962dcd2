/**
 * What the helpdesk shows of an email or phone: enough for the caller to recognise it, not enough
 * for someone who only knows a name to learn it.
 */

/** `wang.fang@example.com` → `w***@example.com`; null when there is no address. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${Array.from(email)[0]}***${email.slice(at)}`
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
