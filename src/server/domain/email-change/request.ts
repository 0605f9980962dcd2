import type { Kysely } from 'kysely'
import type { PendingEmailChange } from '../../../shared/users'
import type { Database, UserRow } from '../../db/schema'
import { issueToken } from '../auth/tokens'
import { maskEmail } from '../helpdesk/mask'
import { enqueueMail } from '../mail/outbox'
import { confirmLinkTtlMs, emailChangePageUrl, undoLinkTtlMs } from './links'
import { cancelPendingEmailChanges, emailTakenByOther } from './pending'

export interface EmailChangeRequest {
  /** The user row as locked by the caller's transaction. */
  user: UserRow
  newEmail: string
  now: Date
  /** PUBLIC_URL (or the server's own address): where the links point. */
  publicUrl: string
}

/**
 * A portal user asked for a new address (their password already checked). The address stays pending:
 * the new address gets a single-use confirmation link (24 hours), the old one a notice at once with
 * an undo link (7 days). An older pending change is cancelled, so its link stops working.
 *
 * An address that already belongs to another account is answered exactly as a free one (same
 * pending state, same response), so that nobody learns which addresses exist; its owner gets an email
 * saying someone tried to use it, with no link, and the change can never be confirmed.
 * Call inside the transaction that writes the profile.
 */
export async function requestEmailChange(trx: Kysely<Database>, { user, newEmail, now, publicUrl }: EmailChangeRequest): Promise<PendingEmailChange> {
  await cancelPendingEmailChanges(trx, user.id, now)
  const confirm = issueToken()
  const undo = user.email ? issueToken() : null
  const confirmExpiresAt = new Date(now.getTime() + confirmLinkTtlMs)
  const undoExpiresAt = new Date(now.getTime() + undoLinkTtlMs)
  await trx
    .insertInto('email_changes')
    .values({
      user_id: user.id,
      old_email: user.email,
      new_email: newEmail,
      confirm_token_hash: confirm.hash,
      undo_token_hash: undo?.hash ?? null,
      created_at: now,
      confirm_expires_at: confirmExpiresAt,
      undo_expires_at: undoExpiresAt
    })
    .execute()

  const owner = await emailTakenByOther(trx, newEmail, user.id)
  if (owner) {
    await enqueueMail(trx, { userId: user.id, to: newEmail, language: owner.language, template: 'emailChangeTaken', data: { newEmail }, now })
  } else {
    await enqueueMail(trx, {
      userId: user.id,
      to: newEmail,
      language: user.language,
      template: 'emailChangeConfirm',
      data: { name: user.name, newEmail, link: emailChangePageUrl(publicUrl, 'confirm', confirm.token), expiresAt: confirmExpiresAt.toISOString() },
      now
    })
  }
  if (user.email && undo) {
    await enqueueMail(trx, {
      userId: user.id,
      to: user.email,
      language: user.language,
      template: 'emailChangeNotice',
      data: {
        name: user.name,
        maskedNewEmail: maskEmail(newEmail),
        requestedAt: now.toISOString(),
        undoLink: emailChangePageUrl(publicUrl, 'undo', undo.token),
        undoExpiresAt: undoExpiresAt.toISOString()
      },
      now
    })
  }
  return { address: newEmail, expiresAt: confirmExpiresAt.toISOString() }
}
