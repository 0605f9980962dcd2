import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { AddPaymentMethodRequest, PaymentMethodItem } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import { cardBrand, cardIssues, maskedCard, normalizeCardNumber } from './card'
import { fieldRefusal } from '../refusal'

/** The built-in provider: it checks the card and hands back a reference, like a real gateway's token. */
export const demoProvider = 'demo'

/** A user may keep this many cards: a bound on the list, far above real use. */
export const maxPaymentMethodsPerUser = 20

interface PaymentMethodRow {
  id: number
  provider: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  holder: string
  created_at: Date
}

export function toPaymentMethodItem(row: PaymentMethodRow): PaymentMethodItem {
  return {
    id: row.id,
    provider: row.provider,
    brand: row.brand,
    last4: row.last4,
    display: maskedCard(row.last4),
    expMonth: row.exp_month,
    expYear: row.exp_year,
    holder: row.holder,
    createdAt: row.created_at.toISOString()
  }
}

const columns = ['id', 'provider', 'brand', 'last4', 'exp_month', 'exp_year', 'holder', 'created_at'] as const

export async function listPaymentMethods(db: Kysely<Database>, userId: number): Promise<PaymentMethodItem[]> {
  const rows = await db.selectFrom('payment_methods').select(columns).where('user_id', '=', userId).where('active', '=', true).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toPaymentMethodItem)
}

/**
 * Adds a card through the demo provider: Luhn and expiry checked (400 VALIDATION per field), then
 * only brand, last 4, expiry and holder are stored, with an opaque provider reference. The number and
 * the CVC are never stored nor logged.
 */
export async function addPaymentMethod(trx: Kysely<Database>, userId: number, card: AddPaymentMethodRequest, now: Date): Promise<PaymentMethodItem> {
  const issues = cardIssues(card, now)
  if (issues.length > 0) throw new DeskError('VALIDATION', issues[0]?.message, issues)
  const count = await trx.selectFrom('payment_methods').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('active', '=', true).executeTakeFirstOrThrow()
  if (Number(count.n) >= maxPaymentMethodsPerUser) {
    throw fieldRefusal('VALIDATION', 'paymentMethodLimit', 'number', `You can keep at most ${maxPaymentMethodsPerUser} payment methods. Delete one first.`, 'Too many payment methods.')
  }
  const digits = normalizeCardNumber(card.number)
  const row = await trx
    .insertInto('payment_methods')
    .values({
      user_id: userId,
      provider: demoProvider,
      provider_ref: `demo_pm_${randomBytes(12).toString('hex')}`,
      brand: cardBrand(digits),
      last4: digits.slice(-4),
      exp_month: card.expMonth,
      exp_year: card.expYear,
      holder: card.holder,
      created_at: now
    })
    .returning(columns)
    .executeTakeFirstOrThrow()
  return toPaymentMethodItem(row)
}

/** Deletes one of the user's own cards (there is no edit: re-enter instead). 404 for anyone else's. */
export async function deletePaymentMethod(trx: Kysely<Database>, userId: number, id: number): Promise<PaymentMethodItem> {
  const row = await trx.deleteFrom('payment_methods').where('id', '=', id).where('user_id', '=', userId).returning(columns).executeTakeFirst()
  if (!row) throw new DeskError('NOT_FOUND', 'You have no payment method with this id.')
  return toPaymentMethodItem(row)
}
