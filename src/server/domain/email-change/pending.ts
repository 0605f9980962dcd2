import { sql, type Kysely } from 'kysely'
import { refusal } from '../refusal'
import type { PendingEmailChange } from '../../../shared/users'
import type { Database, UserRow } from '../../db/schema'

/** Changes still waiting for their confirmation link: neither confirmed, undone nor cancelled, and not expired. */
function openChanges(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('email_changes')
    .where('confirmed_at', 'is', null)
    .where('undone_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('confirm_expires_at', '>', now)
}

/** The user's pending change (at most one is open: a new one cancels the older), or null. */
export async function pendingEmailChangeOf(db: Kysely<Database>, userId: number, now: Date): Promise<PendingEmailChange | null> {
  const row = await openChanges(db, now).select(['new_email', 'confirm_expires_at']).where('user_id', '=', userId).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row ? { address: row.new_email, expiresAt: row.confirm_expires_at.toISOString() } : null
}

/** The pending new address of each of `userIds` that has one. */
export async function pendingEmailsOf(db: Kysely<Database>, userIds: readonly number[], now: Date): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map()
  const rows = await openChanges(db, now).select(['user_id', 'new_email']).where('user_id', 'in', userIds).orderBy('id').execute()
  return new Map(rows.map((row) => [row.user_id, row.new_email]))
}

/** Every open change of the user stops working (its confirmation link with it); returns how many. */
export async function cancelPendingEmailChanges(trx: Kysely<Database>, userId: number, now: Date): Promise<number> {
  const result = await trx
    .updateTable('email_changes')
    .set({ cancelled_at: now })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .where('undone_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('confirm_expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Whether another user's primary address is `email` (case-insensitively, like `users_email_key`). */
export async function emailTakenByOther(db: Kysely<Database>, email: string, userId: number): Promise<{ id: number; language: UserRow['language'] } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'language'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('id', '!=', userId)
    .executeTakeFirst()
}

export const noConfirmedEmailMessage =
  "This user's only email address is not confirmed yet (an email change is pending): nothing is sent to it until the user follows the link it received."

/**
 * Where a helpdesk code, a reset link or a username reminder may go: the primary address, which is
 * always a confirmed one (set by an administrator, or confirmed through its link). A user who has
 * only a pending address gets nothing: 409 with `reason: 'noConfirmedEmail'`. Null when the user has
 * no address at all (each caller words that refusal).
 */
export async function confirmedEmailOf(db: Kysely<Database>, user: Pick<UserRow, 'id' | 'email'>, now: Date): Promise<string | null> {
  if (user.email) return user.email
  if (await pendingEmailChangeOf(db, user.id, now)) throw refusal('CONFLICT', 'noConfirmedEmail', noConfirmedEmailMessage)
  return null
}
