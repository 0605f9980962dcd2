import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import { mailboxListLimit, type MailboxEntry, type MailboxMessage, type MailState, type MailStateResponse } from '../../../shared/mail'
import type { Database, OutboxStatus } from '../../db/schema'

/** A pending email is 'queued' only where a worker will deliver it; without SMTP it is 'off'. */
export function mailStateOf(status: OutboxStatus, deliveryOn: boolean): MailState {
  if (status === 'pending') return deliveryOn ? 'queued' : 'off'
  return status
}

const maxBigint = 9_223_372_036_854_775_807n

async function findRow(db: Kysely<Database>, id: string) {
  const row =
    /^\d{1,19}$/.test(id) && BigInt(id) >= 1n && BigInt(id) <= maxBigint
      ? await db
          .selectFrom('outbox')
          .select(['id', 'user_id', 'to_address', 'subject', 'template', 'status', 'last_error', 'created_at', 'sent_at', 'body_text'])
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined
  if (!row) throw refusal('NOT_FOUND', 'noSuchEmail', 'There is no email with this id.')
  return row
}

/** The recipient user of an email (whose reader decides who may see its state), or null. */
export async function mailRecipientOf(db: Kysely<Database>, id: string): Promise<number | null> {
  return (await findRow(db, id)).user_id
}

/** GET /mail/:id/state: the delivery state, never the body. */
export async function readMailState(db: Kysely<Database>, id: string, deliveryOn: boolean): Promise<MailStateResponse> {
  const row = await findRow(db, id)
  const state = mailStateOf(row.status, deliveryOn)
  return { id: row.id, state, reason: state === 'sent' || state === 'blocked' ? null : row.last_error, sentAt: row.sent_at?.toISOString() ?? null }
}

/** GET /mailbox (MAILBOX=local): the newest emails, without bodies. */
export async function listMailbox(db: Kysely<Database>, deliveryOn: boolean): Promise<{ items: MailboxEntry[] }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'template', 'status', 'created_at'])
    .orderBy('id', 'desc')
    .limit(mailboxListLimit)
    .execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      template: row.template,
      createdAt: row.created_at.toISOString(),
      state: mailStateOf(row.status, deliveryOn)
    }))
  }
}

/** GET /mailbox/:id (MAILBOX=local): one email in full, links and codes included. */
export async function readMailboxMessage(db: Kysely<Database>, id: string, deliveryOn: boolean): Promise<MailboxMessage> {
  const row = await findRow(db, id)
  const state = mailStateOf(row.status, deliveryOn)
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    template: row.template,
    createdAt: row.created_at.toISOString(),
    state,
    body: row.body_text,
    reason: state === 'sent' || state === 'blocked' ? null : row.last_error
  }
}
