import { DeskError, type ErrorCode } from '../../shared/errors'
import type { RefusalReason } from '../../shared/refusals'

/**
 * A refusal with its stable reason in `details.reason` (and any numbers the client words it with in
 * `extra`). The English message is for API readers; clients word the refusal from the reason.
 */
export function refusal(code: ErrorCode, reason: RefusalReason, message: string, extra: Record<string, unknown> = {}): DeskError {
  return new DeskError(code, message, { ...extra, reason })
}

/** A refusal that names the field it is about: one field issue carrying the reason. */
export function fieldRefusal(code: ErrorCode, reason: RefusalReason, path: string, message: string, issueMessage = message): DeskError {
  return new DeskError(code, message, [{ path, message: issueMessage, reason }])
}
