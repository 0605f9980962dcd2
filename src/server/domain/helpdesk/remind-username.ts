import type { Kysely } from 'kysely'
import { fieldRefusal } from '../refusal'
import type { RemindUsernameResult } from '../../../shared/helpdesk'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { confirmedEmailOf } from '../email-change/pending'
import { enqueueMail } from '../mail/outbox'
import { portalUrlOf } from '../security/portal-url'
import { lockUser } from '../users/versioned-update'
import { maskEmail } from './mask'

/**
 * The "forgotten username" ticket: the username goes to the account's primary (confirmed) email only, never to
 * the agent's screen or the caller's word. Refused for deleted or archived accounts (they cannot sign
 * in) and when there is no email address.
 */
export async function remindUsername(db: Kysely<Database>, { userId, audit }: { userId: number; audit: AuditContext }): Promise<RemindUsernameResult> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId)
    if (user.deleted_at !== null || !user.active) {
      const message = 'This account is archived: it cannot sign in, so its username is of no use to the caller.'
      throw fieldRefusal('CONFLICT', user.deleted_at !== null ? 'accountDeleted' : 'accountArchived', 'active', message)
    }
    const to = await confirmedEmailOf(trx, user, audit.at)
    if (!to) {
      const message = 'This user has no email address to send the username to.'
      throw fieldRefusal('VALIDATION', 'noEmail', 'email', message)
    }
    const mail = await enqueueMail(trx, {
      userId,
      to,
      language: user.language,
      template: 'usernameReminder',
      data: { name: user.name, login: user.login, portalUrl: await portalUrlOf(trx, user.website_id) },
      now: audit.at
    })
    const sentTo = maskEmail(to)
    await recordAudit(trx, audit, { action: 'username.remind', targetUserId: userId, changes: { usernameSentTo: { from: null, to: sentTo } } })
    return { sentTo, mailStatus: mail.status === 'blocked' ? 'blocked' : 'pending', mailId: mail.id }
  })
}
