import type { Kysely } from 'kysely'
import type { Locale } from '../../../shared/errors'
import type { Database, OutboxStatus } from '../../db/schema'
import { renderMail, type MailTemplateData, type MailTemplateName } from '../../mail/templates'
import { verificationCodeLead } from '../../mail/templates/verification-code'
import { isBlocked } from '../blocklist/normalize'
import { assertRecipientMailBudget } from './recipient-limit'

export interface MailRequest<Name extends MailTemplateName> {
  userId: number | null
  to: string
  /** The recipient's language (users.language). */
  language: Locale
  template: Name
  data: MailTemplateData<Name>
  now: Date
}

export interface EnqueuedMail {
  id: string
  status: OutboxStatus
}

/**
 * Renders the email in the recipient's language and appends it to the outbox, inside the caller's
 * transaction (the mail exists exactly when the action it reports committed). An address on the
 * block list is stored as 'blocked' and the sender never picks it up; anything else waits as
 * 'pending' for the SMTP worker. An email that someone else triggers (a reset link, a reminder…) is
 * refused with 429 once the user's budget is spent (see recipient-limit.ts); the caller's transaction
 * then rolls back whatever it did for it.
 */
export async function enqueueMail<Name extends MailTemplateName>(trx: Kysely<Database>, mail: MailRequest<Name>): Promise<EnqueuedMail> {
  if (mail.userId !== null) await assertRecipientMailBudget(trx, { userId: mail.userId, template: mail.template, now: mail.now })
  const rendered = renderMail(mail.template, mail.language, mail.data)
  const blocked = await isBlocked(trx, 'email', mail.to)
  const status: OutboxStatus = blocked ? 'blocked' : 'pending'
  const row = await trx
    .insertInto('outbox')
    .values({
      user_id: mail.userId,
      to_address: mail.to.trim(),
      language: mail.language,
      template: mail.template,
      subject: rendered.subject,
      // A blocked email never leaves: keep no usable link in it.
      body_text: blocked ? redactOneTimeSecrets(rendered.text) : rendered.text,
      status,
      next_attempt_at: blocked ? null : mail.now,
      created_at: mail.now
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow()
  return { id: row.id, status: row.status }
}

const codeLeads = Object.values(verificationCodeLead).map((lead) => lead.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
const verificationCodes = new RegExp(`(${codeLeads.join('|')})\\d{6}`, 'g')

/**
 * Emailed links carry a single-use token (`?token=…`, 43 base64url characters), and the helpdesk's
 * email a verification code, that exist nowhere else in clear. The outbox keeps the body only until
 * the email left (or can never leave): then both are replaced, so that a database reader can use
 * neither a link nor a code.
 */
export function redactOneTimeSecrets(text: string): string {
  return text.replace(/([?&]token=)[A-Za-z0-9_-]{20,}/g, '$1[removed]').replace(verificationCodes, '$1[removed]')
}
