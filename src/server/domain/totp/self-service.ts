import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { refusal } from '../refusal'
import type { Database } from '../../db/schema'
import { acceptedTotpStep, newTotpSecret, totpUri } from './codes'

/** A setup not confirmed within this time must be started again (the secret was on screen). */
export const pendingSetupTtlMs = 15 * 60_000

export async function isTwoFactorEnabled(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('totp').select('enabled_at').where('user_id', '=', userId).executeTakeFirst()
  return row?.enabled_at != null
}

/**
 * Step one of turning 2FA on: a new secret, kept as pending until a code from it is verified.
 * Starting again replaces the pending secret. Refused (409) when 2FA is already on.
 */
export async function beginTwoFactorSetup(
  trx: Kysely<Database>,
  user: { id: number; login: string },
  issuer: string,
  now: Date
): Promise<{ secret: string; otpauthUri: string }> {
  const current = await trx.selectFrom('totp').select('enabled_at').where('user_id', '=', user.id).forUpdate().executeTakeFirst()
  if (current?.enabled_at != null) throw refusal('CONFLICT', 'twoFactorAlreadyOn', 'Two-factor authentication is already on. Turn it off first to use another device.')
  const secret = newTotpSecret()
  await trx
    .insertInto('totp')
    .values({ user_id: user.id, pending_secret: secret, pending_created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ pending_secret: secret, pending_created_at: now }))
    .execute()
  return { secret, otpauthUri: totpUri(secret, issuer, user.login) }
}

/**
 * Step two: a code from the pending secret turns 2FA on. The code's step is remembered, so that
 * the same code cannot then be used to sign in. A wrong code is 400 VALIDATION on `code`.
 */
export async function confirmTwoFactorSetup(trx: Kysely<Database>, userId: number, code: string, now: Date): Promise<void> {
  const row = await trx.selectFrom('totp').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst()
  if (row?.enabled_at != null) throw refusal('CONFLICT', 'twoFactorAlreadyOn', 'Two-factor authentication is already on.')
  if (!row?.pending_secret || !row.pending_created_at || now.getTime() - row.pending_created_at.getTime() > pendingSetupTtlMs) {
    throw new DeskError('VALIDATION', 'Start the two-factor setup again: there is no setup waiting for a code.', [{ path: 'code', message: 'No setup is waiting for a code.' }])
  }
  const step = await acceptedTotpStep(row.pending_secret, code, now, null)
  if (step === null) throw new DeskError('VALIDATION', 'The code is not valid. Check the time on your device and try the new code.', [{ path: 'code', message: 'The code is not valid.' }])
  await trx
    .updateTable('totp')
    .set({ secret: row.pending_secret, enabled_at: now, pending_secret: null, pending_created_at: null, last_used_step: step })
    .where('user_id', '=', userId)
    .execute()
}

/** Turns 2FA off (the caller has checked the password); returns whether it was on. */
export async function removeTwoFactor(trx: Kysely<Database>, userId: number): Promise<boolean> {
  const removed = await trx.deleteFrom('totp').where('user_id', '=', userId).returning('enabled_at').executeTakeFirst()
  return removed?.enabled_at != null
}

/**
 * A second factor at sign-in: true when the code is valid and newer than the last accepted one,
 * which it then becomes (the row is locked, so two requests cannot both spend the same code).
 */
export async function spendTotpCode(trx: Kysely<Database>, userId: number, code: string, now: Date): Promise<boolean> {
  const row = await trx.selectFrom('totp').select(['secret', 'enabled_at', 'last_used_step']).where('user_id', '=', userId).forUpdate().executeTakeFirst()
  if (!row?.secret || row.enabled_at === null) return false
  const step = await acceptedTotpStep(row.secret, code, now, row.last_used_step === null ? null : Number(row.last_used_step))
  if (step === null) return false
  await trx.updateTable('totp').set({ last_used_step: step }).where('user_id', '=', userId).execute()
  return true
}
