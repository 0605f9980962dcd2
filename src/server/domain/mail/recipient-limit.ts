import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import { mailLimitRefusal, recipientMailLimit, recipientMailLimitNote, type MailLimitDetails } from '../../../shared/mail-limit'
import type { Database } from '../../db/schema'
import type { MailTemplateName } from '../../mail/templates'

/**
 * How many emails that someone else can make the portal send to one user (reset links, username
 * reminders, 2FA invitations, helpdesk verification codes, portal invitations) may go out in a
 * rolling window. One budget shared by every kind: an operator, or an attacker holding an operator's
 * session, cannot multiply the flood by switching kinds, while a real ticket (a code, a link, maybe a
 * reminder) stays well inside it. Emails that report a change already made (password changed, 2FA
 * turned off, account deleted) are not in it: they must never be held back.
 */
export interface RecipientMailPolicy {
  /** Emails of `templates` to one user within `windowMinutes`. */
  limit: number
  windowMinutes: number
  templates: readonly MailTemplateName[]
}

export const defaultRecipientMailPolicy: RecipientMailPolicy = {
  ...recipientMailLimit,
  templates: ['resetLink', 'usernameReminder', 'twoFactorInvitation', 'verificationCode', 'welcome']
}

const minute = 60_000

/**
 * Refuses (429 RATE_LIMITED, `details.reason: 'mailLimit'`) an email of a limited kind to `userId` when
 * the policy's budget is spent, counted from the outbox. The user row is locked first (the caller
 * usually holds the lock already; taking it again in the same transaction is free), so that of two
 * concurrent requests at the last free place exactly one gets it: the other waits, then counts the
 * first one's committed row.
 */
export async function assertRecipientMailBudget(
  trx: Kysely<Database>,
  mail: { userId: number; template: MailTemplateName; now: Date },
  policy: RecipientMailPolicy = defaultRecipientMailPolicy
): Promise<void> {
  if (!policy.templates.includes(mail.template)) return
  await trx.selectFrom('users').select('id').where('id', '=', mail.userId).forUpdate().execute()
  const windowStart = new Date(mail.now.getTime() - policy.windowMinutes * minute)
  const recent = await trx
    .selectFrom('outbox')
    .select('created_at')
    .where('user_id', '=', mail.userId)
    .where('template', 'in', [...policy.templates])
    .where('created_at', '>', windowStart)
    .orderBy('created_at', 'desc')
    .limit(policy.limit)
    .execute()
  if (recent.length < policy.limit) return
  // The place frees up when the oldest of the last `limit` emails leaves the window.
  const oldest = recent[recent.length - 1]?.created_at ?? mail.now
  const freeAt = oldest.getTime() + policy.windowMinutes * minute
  const details: MailLimitDetails = {
    reason: 'mailLimit',
    limit: policy.limit,
    windowMinutes: policy.windowMinutes,
    retryAfterSeconds: Math.max(1, Math.ceil((freeAt - mail.now.getTime()) / 1000))
  }
  throw refusal('RATE_LIMITED', details.reason, mailLimitRefusal(details), { ...details })
}

export { recipientMailLimitNote }
