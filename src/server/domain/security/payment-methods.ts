import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import type { DeleteResult, PaymentMethodList, PaymentMethodSummary } from '../../../shared/security'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { isExpired, maskedCard } from '../payment-methods/card'

/** MM/YYYY, and whether the card's last valid day (the end of its expiry month, UTC) has passed. */
export function cardExpiry(month: number, year: number, now: Date): Pick<PaymentMethodSummary, 'expiry' | 'expired'> {
  return { expiry: `${String(month).padStart(2, '0')}/${year}`, expired: isExpired(month, year, now) }
}

/** A user's active payment methods, newest first. There is no edit, by design: the user re-enters a card. */
export async function listPaymentMethods(db: Kysely<Database>, userId: number, now: Date): Promise<PaymentMethodList> {
  const rows = await db
    .selectFrom('payment_methods')
    .select(['id', 'provider', 'brand', 'last4', 'exp_month', 'exp_year', 'created_at'])
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      provider: row.provider,
      brand: row.brand,
      masked: maskedCard(row.last4),
      ...cardExpiry(row.exp_month, row.exp_year, now),
      addedAt: row.created_at.toISOString()
    }))
  }
}

/** Deletes one payment method of the user (the provider's token goes with it): 404 when the user has none with this id. */
export async function deletePaymentMethod(
  db: Kysely<Database>,
  input: { userId: number; paymentMethodId: number; audit: AuditContext }
): Promise<DeleteResult> {
  return withTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom('payment_methods')
      .where('id', '=', input.paymentMethodId)
      .where('user_id', '=', input.userId)
      .where('active', '=', true)
      .returning(['id', 'brand', 'last4', 'exp_month', 'exp_year'])
      .executeTakeFirst()
    if (!removed) throw refusal('NOT_FOUND', 'alreadyGone', 'This user has no payment method with this id.')
    await recordAudit(trx, input.audit, {
      action: 'paymentMethod.delete',
      targetUserId: input.userId,
      changes: {
        paymentMethod: {
          from: { id: removed.id, brand: removed.brand, masked: maskedCard(removed.last4), expiry: cardExpiry(removed.exp_month, removed.exp_year, input.audit.at).expiry },
          to: null
        }
      }
    })
    return { deleted: true }
  })
}
