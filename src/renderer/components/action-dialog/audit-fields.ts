import type { AuditContext } from '../../../shared/ipc/audit-context'
import { reasonMaxLength, ticketRefMaxLength } from '../../../shared/ipc/audit-context'

/** The server's rule for a ticket reference (src/server/http/audit-headers.ts), checked as one types. */
export const ticketRefPattern = /^[A-Za-z0-9#][A-Za-z0-9#._:/ -]*$/

export interface AuditFieldValues {
  ticketRef?: string
  reason?: string
}

/** The form's ticket and reason as the channel's `audit`: trimmed, empty ones left out. */
export function auditContextOf(values: AuditFieldValues): AuditContext {
  const ticketRef = values.ticketRef?.trim()
  const reason = values.reason?.trim()
  return { ...(ticketRef ? { ticketRef } : {}), ...(reason ? { reason } : {}) }
}

export function isValidTicketRef(value: string): boolean {
  const trimmed = value.trim()
  return trimmed === '' || (trimmed.length <= ticketRefMaxLength && ticketRefPattern.test(trimmed))
}

export { reasonMaxLength, ticketRefMaxLength }
