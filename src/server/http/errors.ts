import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ApiErrorBody } from '../../shared/api'
import { DeskError, errorMessages, type ErrorCode, type FieldIssue } from '../../shared/errors'
import { isConnectionLost, isUniqueViolation, sqlState, uniqueViolationField, violatedConstraint } from '../db/errors'
import type { RefusalReason } from '../../shared/refusals'

export const statusOfCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  REAUTH_REQUIRED: 403,
  TWO_FACTOR_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DOCUMENT_LOCKED: 409,
  RATE_LIMITED: 429,
  UNREACHABLE: 502,
  SERVER: 500,
  UNAVAILABLE: 503,
  PORTAL_START_FAILED: 500,
  INTERNAL: 500
}

export interface ErrorResponse {
  status: number
  body: ApiErrorBody
}

export function errorResponse(status: number, code: ErrorCode, message?: string, details?: unknown): ErrorResponse {
  const error: ApiErrorBody['error'] = { code, message: message ?? errorMessages[code].en }
  if (details !== undefined) error.details = details
  return { status, body: { error } }
}

/** Fastify's own client errors, named by their codes, with words an operator can act on. */
const frameworkMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be sent as application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_BAD_URL: 'The address is not valid.'
}

/** The unique values a client can collide with through the API; the others collide only in a race, and CONFLICT says enough. */
const takenReasons: Partial<Record<string, RefusalReason>> = { login: 'loginTaken', email: 'emailTaken' }

/**
 * What the database refused, as the API answers it: a unique violation is 409 naming the field; a
 * foreign key, check or type violation is bad input (400), since the domain validates first and only
 * a race or a gap in that validation gets this far; a serialization failure or deadlock is 409 (try
 * again); a lost connection is 503 UNAVAILABLE. Anything else is not the client's doing: null.
 */
export function databaseErrorResponse(error: unknown): ErrorResponse | null {
  if (isConnectionLost(error)) return errorResponse(503, 'UNAVAILABLE')
  if (isUniqueViolation(error)) {
    const field = uniqueViolationField(violatedConstraint(error))
    const message = field ? `Another record already uses this ${field}.` : 'Another record already uses one of these values.'
    const reason = takenReasons[field ?? '']
    return errorResponse(409, 'CONFLICT', message, field ? ([{ path: field, message, ...(reason ? { reason } : {}) }] satisfies FieldIssue[]) : undefined)
  }
  const state = sqlState(error)
  if (state === '40001' || state === '40P01') {
    return errorResponse(409, 'CONFLICT', 'Another change to the same records was being saved at the same time. Try again.')
  }
  if (state === '23503' || state === '23514' || state === '23502' || state === '22001' || state === '22P02' || state === '22007' || state === '22008' || state === '22003') {
    return errorResponse(400, 'VALIDATION', 'Some of the values are not valid for the database.')
  }
  return null
}

/** Maps anything thrown while handling a request to the one error shape of the API. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DeskError) return errorResponse(statusOfCode[error.code], error.code, error.message, error.details)
  const database = databaseErrorResponse(error)
  if (database) return database
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'request'
    const details: FieldIssue[] = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || context,
      message: issue.message ?? 'Invalid value'
    }))
    return errorResponse(400, 'VALIDATION', errorMessages.VALIDATION.en, details)
  }
  const fastifyError = error as Partial<FastifyError>
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500
  if (status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION'
    const message = (fastifyError.code && frameworkMessages[fastifyError.code]) ?? errorMessages[code].en
    if (code !== 'VALIDATION') return errorResponse(status, code, message)
    const path = fastifyError.code === 'FST_ERR_BAD_URL' ? 'url' : 'body'
    return errorResponse(status, code, message, [{ path, message }] satisfies FieldIssue[])
  }
  return errorResponse(500, 'SERVER')
}

/** A refusal that knows when to come back says so in `details.retryAfterSeconds`. */
function retryAfterSecondsOf(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null
  const seconds = details.retryAfterSeconds
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : null
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = toErrorResponse(error)
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  else request.log.debug({ code: body.error.code, status }, 'request refused')
  if (body.error.code === 'UNAUTHORIZED') void reply.header('www-authenticate', 'Bearer')
  const retryAfter = retryAfterSecondsOf(body.error.details)
  if (body.error.code === 'RATE_LIMITED' && retryAfter !== null) void reply.header('retry-after', String(retryAfter))
  return reply.status(status).send(body)
}

/** Why Node's HTTP parser gave up on a request, in words; the status follows Node's own choice. */
function clientErrorOf(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: 'The request headers are too large.' }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'The request did not arrive in time.' }
  return { status: 400, message: 'The request is not valid HTTP.' }
}

/**
 * Answers a request that never reached Fastify (Node's `clientError`: headers too large, malformed
 * HTTP) with the API's one error shape instead of Fastify's own, and closes the connection, as
 * nothing more can be read from it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, message } = clientErrorOf(error.code)
  const { body } = errorResponse(status, 'VALIDATION', message, [{ path: 'request', message }] satisfies FieldIssue[])
  const text = JSON.stringify(body)
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(text)}`, 'Connection: close']
  if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${text}`)
  else socket.destroy()
}
