import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import type { Database, UserRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { diffChanges, fieldChange } from '../audit/changes'
import { recordAudit, type AuditContext } from '../audit/record'
import { revokeSessions } from '../sessions/revoke-sessions'
import { assertNotDeleted } from './fields'
import { eraseAccount } from './erase-account'
import { lockUser, staleVersion, updateUserVersioned } from './versioned-update'

export interface LifecycleOptions {
  /** The operator: nobody archives or deletes their own account. */
  actorId: number
  /** The version the operator read, when given: a stale one is 409 with the current version. */
  version?: number
  audit: AuditContext
}

async function lockedTarget(trx: Kysely<Database>, id: number, options: LifecycleOptions): Promise<UserRow> {
  const row = await lockUser(trx, id)
  if (options.version !== undefined && options.version !== row.version) throw staleVersion(row.version)
  return row
}

function notYourself(row: UserRow, actorId: number, what: string): void {
  if (row.id === actorId) throw refusal('CONFLICT', 'ownAccount', `You cannot ${what} your own account; ask another administrator.`)
}

/** POST /users/:id/archive: no more sign-in (active = false) and every session ends, in one transaction. */
export async function archiveUser(db: Kysely<Database>, id: number, options: LifecycleOptions): Promise<void> {
  await withTransaction(db, async (trx) => {
    const before = await lockedTarget(trx, id, options)
    notYourself(before, options.actorId, 'archive')
    if (!before.active) throw refusal('CONFLICT', 'alreadyArchived', 'This user is already archived.')
    const after = await updateUserVersioned(trx, id, before.version, { active: false }, options.audit.at)
    const sessions = await revokeSessions(trx, id, { now: options.audit.at })
    await recordAudit(trx, options.audit, {
      action: 'user.archive',
      targetUserId: id,
      changes: { ...diffChanges({ active: before.active }, { active: after.active }), sessionsRevoked: fieldChange('sessionsRevoked', 0, sessions) }
    })
  })
}

/** POST /users/:id/restore: the archived user may sign in again; a deleted account never comes back. */
export async function restoreUser(db: Kysely<Database>, id: number, options: LifecycleOptions): Promise<void> {
  await withTransaction(db, async (trx) => {
    const before = await lockedTarget(trx, id, options)
    assertNotDeleted(before)
    if (before.active) throw refusal('CONFLICT', 'notArchived', 'This user is not archived.')
    const after = await updateUserVersioned(trx, id, before.version, { active: true }, options.audit.at)
    await recordAudit(trx, options.audit, { action: 'user.restore', targetUserId: id, changes: diffChanges({ active: before.active }, { active: after.active }) })
  })
}

export interface DeleteUserOptions extends LifecycleOptions {
  /** Put the email and phone on the block list. */
  blocklist: boolean
}

/**
 * DELETE /users/:id, Odoo's portal account deletion, in one transaction:
 * - the login becomes `__deleted_user_<id>` (the old one is free again), the password is removed;
 * - sessions, passkeys, TOTP, API keys, payment methods and WebAuthn challenges are deleted,
 *   outstanding reset links revoked;
 * - the user is archived and marked deleted (it cannot be restored);
 * - with `blocklist`, the email and phone go on the block list first;
 * - the "account deleted" email is queued to the old address (the outbox stores it as 'blocked',
 *   never sent, when the address is on the block list: block-listed addresses are never mailed);
 * - then the primary and additional emails and the avatar are cleared, so that the address can
 *   register again (`users_email_key`) and no picture outlives the account. Name, phone, address and
 *   company stay: issued documents and the audit trail refer to them. The audit trail is kept.
 */
export async function deleteUser(db: Kysely<Database>, id: number, options: DeleteUserOptions): Promise<void> {
  const now = options.audit.at
  await withTransaction(db, async (trx) => {
    const before = await lockedTarget(trx, id, options)
    notYourself(before, options.actorId, 'delete')
    assertNotDeleted(before)

    const { after, blocked } = await eraseAccount(trx, id, { blocklist: options.blocklist, now, requestedBy: options.actorId })
    await recordAudit(trx, options.audit, {
      action: 'user.delete',
      targetUserId: id,
      changes: {
        ...diffChanges(
          { login: before.login, email: before.email, emails: before.emails, active: before.active, password: before.password_hash !== null, deletedAt: null },
          { login: after.login, email: after.email, emails: after.emails, active: after.active, password: false, deletedAt: after.deleted_at }
        ),
        blocklisted: fieldChange('blocklisted', [], blocked)
      }
    })
  })
}
