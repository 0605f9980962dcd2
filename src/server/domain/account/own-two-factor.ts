import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { beginTwoFactorSetup, confirmTwoFactorSetup, removeTwoFactor } from '../totp/self-service'
import type { AccountActor } from './account-actor'
import { confirmOwnPassword, ownAuditContext } from './confirm-password'
import { refusal } from '../refusal'

/** Whether my TOTP is on, and since when. */
export async function ownTwoFactorState(db: Kysely<Database>, userId: number): Promise<{ enabled: boolean; enabledAt: string | null }> {
  const row = await db.selectFrom('totp').select('enabled_at').where('user_id', '=', userId).executeTakeFirst()
  const enabledAt = row?.enabled_at ?? null
  return { enabled: enabledAt !== null, enabledAt: enabledAt?.toISOString() ?? null }
}

/**
 * Starts turning my TOTP on, after my password (a stolen session must not be able to tie the account
 * to the thief's phone): a new secret, shown once, pending until a code from it is verified.
 */
export async function beginOwnTwoFactor(db: Kysely<Database>, actor: AccountActor, password: string, issuer: string): Promise<{ secret: string; otpauthUri: string }> {
  await confirmOwnPassword(db, actor, password)
  return withTransaction(db, (trx) => beginTwoFactorSetup(trx, { id: actor.userId, login: actor.login }, issuer, actor.now))
}

/** A code from the pending secret turns my TOTP on. Audited `twoFactor.enable`. */
export async function confirmOwnTwoFactor(db: Kysely<Database>, actor: AccountActor, code: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    await confirmTwoFactorSetup(trx, actor.userId, code, actor.now)
    await recordAudit(trx, ownAuditContext(actor), { action: 'twoFactor.enable', targetUserId: actor.userId, changes: { twoFactor: { from: false, to: true } } })
  })
}

/**
 * Turns my TOTP off, with my password. Refused (403) while a policy requires it of me: otherwise
 * the policy would last only until the first operator who finds it inconvenient.
 */
export async function disableOwnTwoFactor(db: Kysely<Database>, actor: AccountActor, password: string, { required = false } = {}): Promise<void> {
  if (required) throw refusal('FORBIDDEN', 'twoFactorRequiredByPolicy', 'This portal requires two-factor authentication for your role, so it cannot be turned off.')
  await confirmOwnPassword(db, actor, password)
  await withTransaction(db, async (trx) => {
    const wasOn = await removeTwoFactor(trx, actor.userId)
    if (wasOn) await recordAudit(trx, ownAuditContext(actor), { action: 'twoFactor.disable', targetUserId: actor.userId, changes: { twoFactor: { from: true, to: false } } })
  })
}
