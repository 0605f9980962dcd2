/**
 * A new login (or a change of login) that looks like another user's: 409 CONFLICT with
 * `details: {reason: 'loginConfusable', path: 'login'}`. The refusal never says whose login it
 * resembles.
 */
export const loginConfusableReason = 'loginConfusable'

export function isLoginConfusable(details: unknown): boolean {
  return typeof details === 'object' && details !== null && !Array.isArray(details) && (details as { reason?: unknown }).reason === loginConfusableReason
}
