import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { OutboxEntry, outboxListQuery } from '../../../shared/outbox'
import type { Database } from '../../db/schema'

type ParsedQuery = z.output<typeof outboxListQuery>

/** GET /outbox: newest first (ids grow with time), keyset on the id; bodies are never listed. */
export async function listOutbox(db: Kysely<Database>, query: ParsedQuery): Promise<{ items: OutboxEntry[]; nextCursor: string | null }> {
  let select = db
    .selectFrom('outbox')
    .select(['id', 'user_id', 'to_address', 'language', 'template', 'subject', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
  if (query.status) select = select.where('status', '=', query.status)
  if (query.userId !== undefined) select = select.where('user_id', '=', query.userId)
  if (query.cursor !== undefined) select = select.where('id', '<', query.cursor)
  const rows = await select.execute()
  const page = rows.slice(0, query.limit)
  const items = page.map((row) => ({
    id: row.id,
    userId: row.user_id,
    to: row.to_address,
    language: row.language,
    template: row.template,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null
  }))
  return { items, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null }
}
