import { redactSecretQueryValues } from '../shared/log-redaction'

/**
 * The desk's logger. Every line goes through `redact` so that a token, a password or an
 * Authorization header that slipped into an error message never reaches a log file.
 */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

const secretPatterns: ReadonlyArray<[RegExp, string]> = [
  [/(bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
  [/("?(?:password|token|authorization|secret|apiKey)"?\s*[:=]\s*)("[^"]*"|[^\s,;}]+)/gi, '$1[redacted]'],
  // Long opaque strings (tokens, keys, hashes) are redacted even without a telling name.
  [/[A-Za-z0-9_\-+/=]{32,}/g, '[redacted]']
]

export function redact(text: string): string {
  return secretPatterns.reduce((line, [pattern, replacement]) => line.replace(pattern, replacement), redactSecretQueryValues(text))
}

/** Names what went wrong without dumping the error object (axios errors carry request headers). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`)
  return redact(`non-error value thrown: ${typeof error}`)
}

export function createConsoleLogger(prefix = 'portaldesk'): Logger {
  return {
    info: (message) => console.info(`[${prefix}] ${redact(message)}`),
    warn: (message) => console.warn(`[${prefix}] ${redact(message)}`),
    error: (message) => console.error(`[${prefix}] ${redact(message)}`)
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
