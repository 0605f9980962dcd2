import type { Kysely } from 'kysely'
import { deletedLoginPrefix } from '../../../shared/users'
import type { Database, UserRow } from '../../db/schema'
import { normalizeEmail, normalizePhone } from '../blocklist/normalize'
import { enqueueMail } from '../mail/outbox'
import { loginColumns } from './login-identity'
import { lockUser, updateUserVersioned } from './versioned-update'

export interface EraseAccountOptions {
  /** Put the email and phone on the block list. */
  blocklist: boolean
  now: Date
  /** Who asked (block list rows name their creator): the operator, or the user themselves. */
  requestedBy: number | null
}

export interface ErasedAccount {
  before: UserRow
  after: UserRow
  blocked: ('email' | 'phone')[]
}

/**
 * Odoo's portal deletion, inside the caller's transaction, for both ways an account ends: an
 * operator's DELETE /users/:id (`lifecycle.ts` `deleteUser`) and a portal user's own deletion
 * (`portal/account-security.ts`). With `blocklist`, the email and phone go on the block list first;
 * the "account deleted" email is queued (stored as 'blocked' for a block-listed address, never
 * sent); the sessions, passkeys, TOTP, API keys, payment methods, WebAuthn challenges and email changes are deleted
 * and outstanding reset links revoked; the login becomes `__deleted_user_<id>`, the password, emails
 * and avatar are cleared (so the address can register again), the user is archived and marked
 * deleted. Name, phone, address and company stay for issued documents; the audit trail is kept (the
 * caller adds its row).
 */
export async function eraseAccount(trx: Kysely<Database>, userId: number, options: EraseAccountOptions): Promise<ErasedAccount> {
  const before = await lockUser(trx, userId)
  const { now } = options

  const blocked: ErasedAccount['blocked'] = []
  if (options.blocklist) {
    const entries = [
      ...(before.email ? [{ kind: 'email' as const, value: normalizeEmail(before.email) }] : []),
      ...(before.phone && normalizePhone(before.phone).replace('+', '') !== '' ? [{ kind: 'phone' as const, value: normalizePhone(before.phone) }] : [])
    ]
    for (const entry of entries) {
      await trx
        .insertInto('blocklist')
        .values({ kind: entry.kind, value: entry.value.slice(0, 254), created_at: now, created_by: options.requestedBy, reason: 'Account deleted' })
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .execute()
      blocked.push(entry.kind)
    }
  }
  if (before.email) {
    await enqueueMail(trx, { userId, to: before.email, language: before.language, template: 'accountDeleted', data: { name: before.name, deletedAt: now.toISOString() }, now })
  }

  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
  await trx.deleteFrom('passkeys').where('user_id', '=', userId).execute()
  await trx.deleteFrom('totp').where('user_id', '=', userId).execute()
  await trx.deleteFrom('api_keys').where('user_id', '=', userId).execute()
  await trx.deleteFrom('payment_methods').where('user_id', '=', userId).execute()
  await trx.deleteFrom('webauthn_challenges').where('user_id', '=', userId).execute()
  // Old and new addresses of email changes are personal data too; their links die with the rows.
  await trx.deleteFrom('email_changes').where('user_id', '=', userId).execute()
  await trx.deleteFrom('sign_in_devices').where('user_id', '=', userId).execute()
  await trx.updateTable('reset_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute()

  const after = await updateUserVersioned(
    trx,
    userId,
    before.version,
    {
      ...loginColumns(`${deletedLoginPrefix}${userId}`),
      password_hash: null,
      active: false,
      deleted_at: now,
      email: null,
      emails: [],
      avatar: null,
      avatar_type: null,
      avatar_updated_at: null,
      must_change_password: false,
      reset_required: false,
      failed_sign_ins: 0,
      locked_until: null,
      lock_count: 0
    },
    now
  )
  return { before, after, blocked }
}
