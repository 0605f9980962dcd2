import type { FastifyServerOptions } from 'fastify'
import { redactSecretQueryValues } from '../../shared/log-redaction'
import type { LogLevel } from '../config'

/**
 * Paths pino blanks out wherever they appear in a log line. Request bodies and headers are not
 * logged by default; this keeps credentials out even when someone logs a request or body later.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.passwordHash',
  '*.password_hash',
  'body.password',
  'req.body.password',
  // Node's client errors carry the raw request bytes, URL included.
  'err.rawPacket'
]

export interface LogDestination {
  write(line: string): void
}

export function loggerOptions(level: LogLevel, destination?: LogDestination): FastifyServerOptions['logger'] {
  if (level === 'silent' && !destination) return false
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // Every line, at every level and whoever wrote it (Fastify's request log, an error's message or
    // stack, a route's own line), leaves without the value of a secret query parameter such as
    // `?token=` of an emailed link.
    hooks: { streamWrite: redactSecretQueryValues },
    ...(destination ? { stream: destination } : {})
  }
}
