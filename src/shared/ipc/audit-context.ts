import { z } from 'zod'

/** Limits the server applies to `X-Ticket-Ref` and `X-Reason` (src/server/http/audit-headers.ts). */
export const ticketRefMaxLength = 64
export const reasonMaxLength = 500
/** A ticket number as helpdesks write them: `HD-1234`, `#4521`, `JIRA/OPS-12`, `2026-03 #7` (ASCII only). */
export const ticketRefPattern = /^[A-Za-z0-9#][A-Za-z0-9#._:/ -]*$/

/**
 * The ticket reference and reason an operator may give with any write. Main sends them as the
 * `X-Ticket-Ref`, `X-Reason` and `X-Verification` headers; the server copies them into the audit row
 * and decides whether they are required (support agents need a ticket).
 */
export const auditContext = z
  .strictObject({
    ticketRef: z.string().trim().max(ticketRefMaxLength).optional(),
    reason: z.string().trim().max(reasonMaxLength).optional(),
    /** The helpdesk verification this action follows (X-Verification): the audit row records its method. */
    verificationId: z.string().regex(/^\d{1,19}$/).optional()
  })
  .optional()
export type AuditContext = z.infer<typeof auditContext>
