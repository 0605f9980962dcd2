import { z } from 'zod'

/** An outbox id as the API spells it (a bigint in decimal). */
export const mailId = z.string().regex(/^\d{1,19}$/, 'An email id is a whole number')

export const mailStatus = z.object({
  /** 'smtp': the portal delivers through SMTP_URL; 'off': emails stay in the outbox, nothing leaves. */
  delivery: z.enum(['smtp', 'off']),
  /** Whether GET /api/v1/mailbox shows full emails (MAILBOX=local, never on a production portal). */
  mailbox: z.boolean()
})
export type MailStatus = z.infer<typeof mailStatus>

/**
 * What happened to one email, in the words an operator needs: 'queued' (waiting for SMTP or its next
 * attempt), 'sent', 'failed' (given up; `reason` says why), 'blocked' (the address is on the block
 * list, never sent) or 'off' (this portal delivers nothing: the email stays in the outbox).
 */
export const mailStates = ['queued', 'sent', 'failed', 'blocked', 'off'] as const
export type MailState = (typeof mailStates)[number]

export const mailStateResponse = z.object({
  id: mailId,
  state: z.enum(mailStates),
  /** The SMTP server's last answer when the email failed (or is being retried); no credentials. */
  reason: z.string().nullable(),
  sentAt: z.string().nullable()
})
export type MailStateResponse = z.infer<typeof mailStateResponse>

/** States after which nothing changes any more: the desk stops asking. */
export function isSettledMailState(state: MailState): boolean {
  return state !== 'queued'
}

export const mailboxEntry = z.object({
  id: mailId,
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  createdAt: z.string(),
  state: z.enum(mailStates)
})
export type MailboxEntry = z.infer<typeof mailboxEntry>

export const mailboxList = z.object({ items: z.array(mailboxEntry) })
export type MailboxList = z.infer<typeof mailboxList>

export const mailboxMessage = mailboxEntry.extend({
  /** The full text, links and codes included (MAILBOX=local only). */
  body: z.string(),
  reason: z.string().nullable()
})
export type MailboxMessage = z.infer<typeof mailboxMessage>

/** How many emails the mailbox lists: the newest ones. */
export const mailboxListLimit = 100
