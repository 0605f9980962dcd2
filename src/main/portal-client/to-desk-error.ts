import { isAxiosError } from 'axios'
import { ZodError } from 'zod'
import { apiErrorBody } from '../../shared/api'
import { DeskError, errorMessages, fieldIssues, type ErrorCode } from '../../shared/errors'

const validationStatuses: ReadonlySet<number> = new Set([400, 413, 415, 422])

function codeForStatus(status: number, serverCode: ErrorCode | undefined): ErrorCode {
  if (status === 401) return serverCode === 'INVALID_CREDENTIALS' ? 'INVALID_CREDENTIALS' : 'UNAUTHORIZED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 429) return 'RATE_LIMITED'
  if (validationStatuses.has(status)) return 'VALIDATION'
  return 'SERVER'
}

/**
 * Maps anything a portal call can throw to a DeskError: the HTTP status decides the code (the server's
 * own code only refines a 401), the message comes from the shared catalogue, and VALIDATION keeps the
 * server's field details. No response at all (refused, unknown host, timeout, abort) is UNREACHABLE.
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
  const code = codeForStatus(response.status, serverError?.code)
  if (code === 'VALIDATION') {
    const issues = fieldIssues(Array.isArray(serverError?.details) ? serverError.details : undefined)
    return new DeskError('VALIDATION', errorMessages.VALIDATION.en, issues.length > 0 ? issues : undefined)
  }
  return new DeskError(code)
}
