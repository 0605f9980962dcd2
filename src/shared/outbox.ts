import { z } from 'zod'
import { pageLimit, recordId } from './numbers'

export const outboxStatuses = ['pending', 'sent', 'failed', 'blocked'] as const
export type OutboxStatus = (typeof outboxStatuses)[number]

export const outboxListLimit = { min: 1, max: 200, default: 50 } as const

/** Query of GET /api/v1/outbox (administrators only): newest first, keyset pages. */
export const outboxListQuery = z
  .object({
    status: z.enum(outboxStatuses).optional(),
    userId: recordId.optional(),
    limit: pageLimit(outboxListLimit),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().regex(/^\d{1,19}$/, 'The cursor is the nextCursor of a previous page').optional()
  })
  .strict()
export type OutboxListQuery = z.input<typeof outboxListQuery>

/** One email as the outbox shows it: never its body, whose link may still be live. */
export const outboxEntry = z.object({
  id: z.string(),
  userId: z.number().int().nullable(),
  to: z.string(),
  language: z.enum(['en', 'zh-CN']),
  template: z.string(),
  subject: z.string(),
  /** pending: waiting for SMTP (or for its next attempt); blocked: the address is on the block list. */
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable()
})
export type OutboxEntry = z.infer<typeof outboxEntry>

export const outboxPage = z.object({
  items: z.array(outboxEntry),
  nextCursor: z.string().nullable(),
  /** False when the server has no SMTP_URL: pending emails are not being delivered. */
  deliveryEnabled: z.boolean()
})
export type OutboxPage = z.infer<typeof outboxPage>
