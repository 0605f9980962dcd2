import { describe, expect, it } from 'vitest'
import { cardBrand, cardIssues, isExpired, maskedCard, normalizeCardNumber, passesLuhn } from '../../../src/server/domain/payment-methods/card'
import { countryCode } from '../../../src/shared/portal'

const now = new Date('2026-03-02T08:00:00.000Z')

describe('the demo card provider', () => {
  it('checks the Luhn digit', () => {
    for (const good of ['4242424242424242', '5555555555554444', '378282246310005', '6200000000000005', '79927398713']) expect(passesLuhn(good), good).toBe(true)
    for (const bad of ['4242424242424241', '79927398710', '', '4242-4242', 'abc']) expect(passesLuhn(bad), bad).toBe(false)
  })

  it('names the brand from the leading digits', () => {
    expect(cardBrand('4242424242424242')).toBe('visa')
    expect(cardBrand('5555555555554444')).toBe('mastercard')
    expect(cardBrand('2223003122003222')).toBe('mastercard')
    expect(cardBrand('378282246310005')).toBe('amex')
    expect(cardBrand('6200000000000005')).toBe('unionpay')
    expect(cardBrand('6011111111111117')).toBe('discover')
    expect(cardBrand('3530111333300000')).toBe('jcb')
    expect(cardBrand('9999999999999995')).toBe('unknown')
  })

  it('counts a card valid through its expiry month', () => {
    expect(isExpired(3, 2026, now)).toBe(false)
    expect(isExpired(2, 2026, now)).toBe(true)
    expect(isExpired(12, 2025, now)).toBe(true)
    expect(isExpired(1, 2027, now)).toBe(false)
  })

  it('reports each problem on its field', () => {
    expect(cardIssues({ number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030 }, now)).toEqual([])
    expect(cardIssues({ number: '4242 4242 4242 4241', expMonth: 1, expYear: 2026 }, now).map((i) => i.path)).toEqual(['number', 'expYear'])
    expect(cardIssues({ number: '4242x4242x4242x4242', expMonth: 1, expYear: 2027 }, now).map((i) => i.path)).toEqual(['number'])
    expect(cardIssues({ number: '4242424242424242', expMonth: 1, expYear: 2099 }, now).map((i) => i.path)).toEqual(['expYear'])
  })

  it('shows a card as •••• and its last four digits', () => {
    expect(normalizeCardNumber('4242-4242 4242 4242')).toBe('4242424242424242')
    expect(maskedCard('4242')).toBe('•••• 4242')
  })
})

describe('country codes of the contact form', () => {
  it('accepts known ISO 3166-1 alpha-2 codes only, never throwing on odd input', () => {
    for (const good of ['DE', 'CN', 'US', 'CH']) expect(countryCode.safeParse(good).success, good).toBe(true)
    for (const bad of ['XX', 'de', 'DEU', 'germany', '', '😀', "D'"]) expect(countryCode.safeParse(bad).success, bad).toBe(false)
  })
})
