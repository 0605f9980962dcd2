import type { Kysely } from 'kysely'
import type { Locale } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { hashToken, isWellFormedToken } from '../auth/tokens'
import type { RedeemOrigin } from '../reset/redeem'
import { lockUser, updateUserVersioned } from '../users/versioned-update'
import { emailTakenByOther } from './pending'

export interface ConfirmableChange {
  changeId: number
  userId: number
  newEmail: string
  language: Locale
}

/**
 * The change behind a confirmation token if it can still be confirmed: known, not confirmed, not
 * undone, not replaced, not expired, and its user active and not deleted. Anything else is null with
 * no reason, like the reset page: the page must not tell an unknown token from a spent one.
 */
export async function findConfirmableChange(db: Kysely<Database>, token: string, now: Date, forUpdate = false): Promise<ConfirmableChange | null> {
  if (!isWellFormedToken(token)) return null
  let query = db
    .selectFrom('email_changes as ec')
    .innerJoin('users as u', 'u.id', 'ec.user_id')
    .select(['ec.id as changeId', 'ec.user_id as userId', 'ec.new_email as newEmail', 'u.language'])
    .where('ec.confirm_token_hash', '=', hashToken(token))
    .where('ec.confirmed_at', 'is', null)
    .where('ec.undone_at', 'is', null)
    .where('ec.cancelled_at', 'is', null)
    .where('ec.confirm_expires_at', '>', now)
    .where('u.active', '=', true)
    .where('u.deleted_at', 'is', null)
  if (forUpdate) query = query.forUpdate()
  return (await query.executeTakeFirst()) ?? null
}

export type ConfirmResult = { ok: true; language: Locale; email: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'taken'; language: Locale }

/**
 * POST of the confirmation page: the new address becomes the primary one, in one transaction with
 * its audit row (`email.confirm`, from → to, the user as actor). Single use (the change row is locked,
 * so a concurrent second request finds it confirmed). An address another account took meanwhile is
 * refused and nothing changes.
 */
export async function confirmEmailChange(db: Kysely<Database>, input: { token: string; now: Date; origin: RedeemOrigin }): Promise<ConfirmResult> {
  return withTransaction(db, async (trx): Promise<ConfirmResult> => {
    const change = await findConfirmableChange(trx, input.token, input.now, true)
    if (!change) return { ok: false, reason: 'invalid' }
    const before = await lockUser(trx, change.userId)
    if (await emailTakenByOther(trx, change.newEmail, before.id)) return { ok: false, reason: 'taken', language: change.language }
    const after = await updateUserVersioned(trx, before.id, before.version, { email: change.newEmail }, input.now)
    await trx.updateTable('email_changes').set({ confirmed_at: input.now }).where('id', '=', change.changeId).execute()
    await recordAudit(
      trx,
      { at: input.now, actorId: after.id, actorLogin: after.login, actorRole: 'portal', ip: input.origin.ip, userAgent: input.origin.userAgent, ticketRef: null, reason: null },
      { action: 'email.confirm', targetUserId: after.id, changes: { email: { from: before.email, to: after.email } } }
    )
    return { ok: true, language: after.language, email: change.newEmail }
  })
}
