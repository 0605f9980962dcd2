import { fieldIssues, type ErrorCode } from '../../../shared/errors'
import { verificationCodeMaxAttempts } from '../../../shared/helpdesk'
import { errorCodeOf } from '../../components/error-text'

/** What a refused code check means for the agent: try again (with attempts left) or send a new code. */
export type CodeRefusal = { kind: 'wrong'; attemptsLeft: number } | { kind: 'spent' } | { kind: 'other' }

/** Used, expired, never sent (CONFLICT) or too many wrong tries (RATE_LIMITED): only a new code helps. */
const spentCodes: readonly ErrorCode[] = ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED']

/** A VALIDATION with field issues is about the request's shape, not a wrong code. */
function hasFieldIssues(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'details' in error && Array.isArray(error.details) && error.details.length > 0
}

function detailsOf(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null || !('details' in error)) return {}
  const details = error.details
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {}
}

/**
 * Reads the server's refusal of a code: a wrong code carries `attemptsLeft` in its details; an
 * expired, used or exhausted code (`expired`, or no attempts left, or the code is gone) needs a new one.
 * `wrongTries`: the wrong codes typed since this code was sent, this one included.
 */
export function codeRefusalOf(error: unknown, wrongTries: number): CodeRefusal {
  const details = detailsOf(error)
  const code = errorCodeOf(error)
  // Main may drop the server's `attemptsLeft`; the desk then counts the wrong tries of this code itself.
  const wrongCode = code === 'VALIDATION' && !hasFieldIssues(error)
  const attemptsLeft = typeof details.attemptsLeft === 'number' ? details.attemptsLeft : wrongCode ? Math.max(0, verificationCodeMaxAttempts - wrongTries) : null
  if (details.expired === true || attemptsLeft === 0) return { kind: 'spent' }
  if (attemptsLeft !== null) return { kind: 'wrong', attemptsLeft }
  if (spentCodes.includes(code)) return { kind: 'spent' }
  return { kind: 'other' }
}

/** The server refused the action's X-Verification (expired after 30 minutes, another operator's, another user's). */
export function isVerificationRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('details' in error)) return false
  return fieldIssues(error.details as Parameters<typeof fieldIssues>[0]).some((issue) => issue.path === 'X-Verification')
}
