import type { AuditContext } from '../../../shared/ipc/audit-context'
import { reasonMaxLength, ticketRefMaxLength, ticketRefPattern } from '../../../shared/ipc/audit-context'

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

export { reasonMaxLength, ticketRefMaxLength, ticketRefPattern }
