import { isErrorCode, type ErrorCode } from '../../shared/errors'

/**
 * The code of any failure that reaches the UI. DeskErrors carry theirs; anything else (a bug, a
 * missing bridge) counts as INTERNAL so that the operator still reads a sentence, never a stack.
 */
export function errorCodeOf(error: unknown): ErrorCode {
  if (typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code)) return error.code
  return 'INTERNAL'
}

/** Codes whose words come from main and add something the generic sentence cannot know. */
const codesWithUsefulDetail: readonly ErrorCode[] = ['PORTAL_START_FAILED']

export function errorDetailOf(error: unknown): string | null {
  if (!codesWithUsefulDetail.includes(errorCodeOf(error))) return null
  return error instanceof Error && error.message ? error.message : null
}
