import type { FieldIssue } from '../../../shared/errors'

/** The card as the demo provider checks it; the number lives only in this request's memory. */
export interface CardInput {
  number: string
  expMonth: number
  expYear: number
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'unionpay' | 'discover' | 'jcb' | 'unknown'

/** The Luhn checksum (ISO/IEC 7812): catches every single-digit typo and most transpositions. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** The brand from the number's leading digits (IIN ranges of the common networks). */
export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa'
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^62/.test(digits)) return 'unionpay'
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover'
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return 'jcb'
  return 'unknown'
}

/** Spaces and dashes as people type them are dropped; anything else makes the number invalid. */
export function normalizeCardNumber(number: string): string {
  return number.replace(/[\s-]+/g, '')
}

/** A card is valid through the last day of its expiry month (UTC). */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() + 1
  return expYear < year || (expYear === year && expMonth < month)
}

/** What is wrong with a card, per field; empty when the demo provider accepts it. */
export function cardIssues(card: CardInput, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = []
  const digits = normalizeCardNumber(card.number)
  if (!/^\d{12,19}$/.test(digits)) issues.push({ path: 'number', message: 'A card number has 12 to 19 digits.' })
  else if (!passesLuhn(digits)) issues.push({ path: 'number', message: 'This card number is not valid. Check it for a typo.' })
  if (isExpired(card.expMonth, card.expYear, now)) issues.push({ path: 'expYear', message: 'This card has expired.' })
  else if (card.expYear > now.getUTCFullYear() + 20) issues.push({ path: 'expYear', message: 'The expiry year is too far in the future.' })
  return issues
}

/** `•••• 1234`: how a stored card is shown everywhere. */
export function maskedCard(last4: string): string {
  return `•••• ${last4}`
}
