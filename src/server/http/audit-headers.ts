import { DeskError, type FieldIssue } from '../../shared/errors'
import { reasonMaxLength, ticketRefMaxLength, ticketRefPattern as ticketPattern } from '../../shared/ipc/audit-context'

/** Limits of the headers every write accepts (shared with the desk); they are copied into the audit row. */
export { reasonMaxLength, ticketRefMaxLength }

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/

export interface AuditHeaders {
  ticketRef: string | null
  reason: string | null
  /** X-Verification: the id of the helpdesk verification this action follows (checked by `verificationHeaderHook`). */
  verificationId: string | null
}

type HeaderValue = string | string[] | undefined

/**
 * Reads `X-Ticket-Ref`, `X-Reason` and `X-Verification`. Both are trimmed; empty counts as absent. HTTP headers carry
 * only Latin-1, so `X-Reason` is percent-decoded UTF-8 (the desk sends `encodeURIComponent(reason)`;
 * plain ASCII without `%` reads as itself). A bad value is a 400 VALIDATION naming the header.
 */
export function parseAuditHeaders(headers: Record<string, HeaderValue>): AuditHeaders {
  const issues: FieldIssue[] = []
  const ticketRef = single(headers['x-ticket-ref'], 'X-Ticket-Ref', issues)
  const rawReason = single(headers['x-reason'], 'X-Reason', issues)
  const verificationId = single(headers['x-verification'], 'X-Verification', issues)
  // A bigint identity: digits only, and small enough for int8.
  if (verificationId !== null && !/^[1-9]\d{0,17}$/.test(verificationId)) {
    issues.push({ path: 'X-Verification', message: 'X-Verification is the verificationId of a helpdesk verification: digits only.' })
  }

  if (ticketRef !== null) {
    if (ticketRef.length > ticketRefMaxLength) issues.push({ path: 'X-Ticket-Ref', message: `A ticket reference has at most ${ticketRefMaxLength} characters.` })
    else if (!ticketPattern.test(ticketRef)) {
      issues.push({ path: 'X-Ticket-Ref', message: 'A ticket reference has letters, digits, spaces and # . _ : / - only.' })
    }
  }

  let reason: string | null = null
  if (rawReason !== null) {
    const decoded = percentDecode(rawReason)
    if (decoded === null) issues.push({ path: 'X-Reason', message: 'X-Reason must be percent-encoded UTF-8 (encodeURIComponent).' })
    else {
      const trimmed = decoded.trim()
      if (trimmed.length > reasonMaxLength) issues.push({ path: 'X-Reason', message: `A reason has at most ${reasonMaxLength} characters.` })
      else if (controlCharacters.test(trimmed)) issues.push({ path: 'X-Reason', message: 'A reason cannot contain control characters.' })
      else if (trimmed !== '') reason = trimmed
    }
  }

  if (issues.length > 0) throw new DeskError('VALIDATION', issues.map((issue) => issue.message).join(' '), issues)
  return { ticketRef, reason, verificationId }
}

function single(value: HeaderValue, name: string, issues: FieldIssue[]): string | null {
  if (value === undefined) return null
  if (Array.isArray(value)) {
    issues.push({ path: name, message: `Send ${name} once.` })
    return null
  }
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function percentDecode(value: string): string | null {
  // Raw bytes above ASCII arrive as Latin-1 characters: not what the desk sends, and ambiguous.
  if (/[^\x20-\x7e]/.test(value)) return null
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}
