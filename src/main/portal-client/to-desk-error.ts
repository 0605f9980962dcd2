import { isAxiosError } from 'axios'
import { ZodError } from 'zod'
import { apiErrorBody, type ApiErrorBody } from '../../shared/api'
import { DeskError, errorMessages, fieldIssues, type DeskErrorShape, type ErrorCode, type FieldIssue } from '../../shared/errors'
import { mailLimitDetailsOf } from '../../shared/mail-limit'
import { isRefusalReason, refusalReasonOf } from '../../shared/refusals'
import { endpoints, urlOf } from '../../shared/endpoints'

const validationStatuses: ReadonlySet<number> = new Set([400, 413, 415, 422])

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 429) return 'RATE_LIMITED'
  if (validationStatuses.has(status)) return 'VALIDATION'
  return 'SERVER'
}

/**
 * The statuses with which the portal sends each of its codes. The server's code is kept only when
 * it agrees with the status: a 403 may be FORBIDDEN or REAUTH_REQUIRED, a 503 UNAVAILABLE; a code
 * that contradicts its status (a 500 claiming INVALID_CREDENTIALS, a proxy's page) counts for nothing.
 */
const statusesOfServerCode: Partial<Record<ErrorCode, readonly number[]>> = {
  VALIDATION: [...validationStatuses],
  INVALID_CREDENTIALS: [401],
  UNAUTHORIZED: [401],
  FORBIDDEN: [403],
  REAUTH_REQUIRED: [403],
  TWO_FACTOR_REQUIRED: [403],
  PASSWORD_CHANGE_REQUIRED: [403],
  NOT_FOUND: [404],
  CONFLICT: [409],
  DOCUMENT_LOCKED: [409],
  RATE_LIMITED: [429],
  UNAVAILABLE: [503]
}

function codeOf(status: number, serverCode: ErrorCode | undefined): ErrorCode {
  if (serverCode !== undefined && statusesOfServerCode[serverCode]?.includes(status)) return serverCode
  return codeForStatus(status)
}

/**
 * The details worth carrying to the desk: the refusal's reason when it is one of the shared reasons
 * (the renderer words the refusal from it), field issues (which field, in words, with their reason)
 * for VALIDATION, CONFLICT and DOCUMENT_LOCKED, a conflict's `currentVersion` (to reload and
 * compare), a wrong verification code's `attemptsLeft`, the per-user mail limit's numbers, and the
 * pointer of the own-password refusal. Anything else is dropped.
 */
function detailsFor(code: ErrorCode, serverError: ApiErrorBody['error'] | undefined): DeskErrorShape['details'] {
  const details = serverError?.details
  if (code === 'INVALID_CREDENTIALS') return secondFactorDetails(details)
  const reason = refusalReasonOf(details)
  if (reason === 'mailLimit') {
    // The limit is worded from its numbers: without them, there is nothing to word.
    const mailLimit = code === 'RATE_LIMITED' ? mailLimitDetailsOf(details) : null
    return mailLimit ? { ...mailLimit } : undefined
  }
  if (code === 'VALIDATION' || code === 'CONFLICT' || code === 'DOCUMENT_LOCKED') {
    const issues = fieldIssues(Array.isArray(details) ? details : undefined)
    if (issues.length > 0) return issues.map(keptIssue)
  }
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return reason ? { reason } : undefined
  const kept: Record<string, unknown> = reason ? { reason } : {}
  if (code === 'CONFLICT' && 'currentVersion' in details) {
    const currentVersion = details.currentVersion
    if (typeof currentVersion === 'number' && Number.isSafeInteger(currentVersion) && currentVersion >= 0) kept.currentVersion = currentVersion
  }
  if (code === 'CONFLICT' && ownPasswordRefusal(details)) kept.use = urlOf(endpoints.changeOwnPassword)
  if (code === 'VALIDATION' && 'attemptsLeft' in details) {
    const attemptsLeft = details.attemptsLeft
    if (typeof attemptsLeft === 'number' && Number.isInteger(attemptsLeft) && attemptsLeft >= 0 && attemptsLeft <= 100) kept.attemptsLeft = attemptsLeft
  }
  return Object.keys(kept).length > 0 ? kept : undefined
}

/** A field issue as the desk shows it: the field, the words, and the reason when it is a shared one. */
function keptIssue(issue: FieldIssue): FieldIssue {
  return isRefusalReason(issue.reason) ? { path: issue.path, message: issue.message, reason: issue.reason } : { path: issue.path, message: issue.message }
}

/** An operator's own password refused at POST /users/:id/password: the desk points to My account. */
function ownPasswordRefusal(details: object): boolean {
  const { reason, use } = details as Record<string, unknown>
  return reason === 'ownAccount' && use === urlOf(endpoints.changeOwnPassword)
}

/** A right password on an account with 2FA: whether the code is missing or wrong, so the desk asks for it. */
function secondFactorDetails(details: unknown): DeskErrorShape['details'] {
  if (typeof details !== 'object' || details === null || !('otp' in details)) return undefined
  return details.otp === 'required' || details.otp === 'invalid' ? { otp: details.otp } : undefined
}

/**
 * Maps anything a portal call can throw to a DeskError: the server's own code when it is one of
 * the shared codes and agrees with the HTTP status, otherwise the status decides. The message comes
 * from the shared catalogue (the renderer shows it in the operator's language); a refusal keeps its
 * shared reason, VALIDATION and CONFLICT the server's field issues, CONFLICT its `currentVersion`. No response at all
 * (refused, unknown host, timeout, abort) is UNREACHABLE.
 */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskError) return error
  if (error instanceof ZodError) return new DeskError('SERVER', errorMessages.SERVER.en, { reason: 'The server answered in an unexpected shape.' })
  if (!isAxiosError(error)) return new DeskError('INTERNAL')
  const response = error.response
  if (!response) {
    if (error.code === 'ERR_BAD_RESPONSE' || error.code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') return new DeskError('SERVER')
    if (error.code === 'ERR_INVALID_URL') return new DeskError('VALIDATION', undefined, [{ path: 'url', message: 'The portal address is not valid.' }])
    return new DeskError('UNREACHABLE')
  }
  const body = apiErrorBody.safeParse(response.data)
  const serverError = body.success ? body.data.error : undefined
  const code = codeOf(response.status, serverError?.code)
  return new DeskError(code, errorMessages[code].en, detailsFor(code, serverError))
}
