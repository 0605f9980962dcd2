/**
 * Reading PostgreSQL (and PGlite) errors without depending on a driver's classes: node-postgres puts
 * the SQLSTATE in `code` and the constraint in `constraint`; Node's socket errors have codes like
 * ECONNREFUSED; PGlite and the pool say they are closed in their messages.
 */
interface PgErrorLike {
  code?: unknown
  constraint?: unknown
  message?: unknown
  cause?: unknown
}

function fields(error: unknown): PgErrorLike {
  return typeof error === 'object' && error !== null ? (error as PgErrorLike) : {}
}

export function sqlState(error: unknown): string | null {
  const { code } = fields(error)
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505'
}

export function violatedConstraint(error: unknown): string | null {
  const { constraint } = fields(error)
  return typeof constraint === 'string' ? constraint : null
}

/** The API field behind each unique index; a new unique index gets a line here. */
export const uniqueConstraintFields: Record<string, string> = {
  users_login_key: 'login',
  users_login_folded_key: 'login',
  users_email_key: 'email',
  websites_host_key: 'host',
  passkeys_credential_id_key: 'credentialId',
  api_keys_one_active: 'websiteId',
  api_keys_key_hash_key: 'key',
  reset_tokens_token_hash_key: 'token',
  blocklist_kind_value_key: 'value',
  documents_kind_number_key: 'number',
  webauthn_challenges_challenge_key: 'challenge',
  sessions_token_hash_key: 'token'
}

/**
 * The field a unique violation is about: from the table above, else guessed from the
 * `<table>_<column>_key` naming convention (snake_case turned to camelCase), else null.
 */
export function uniqueViolationField(constraint: string | null): string | null {
  if (!constraint) return null
  const known = uniqueConstraintFields[constraint]
  if (known) return known
  const match = /^[a-z]+(?:_[a-z]+)*?_([a-z0-9_]+)_key$/.exec(constraint)
  const column = match?.[1]
  if (!column) return null
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

const lostConnectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const lostConnectionMessages = [
  'PGlite is closed',
  'Connection terminated',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error'
]

/**
 * Whether the database could not be reached (as opposed to refusing a statement): the client should
 * retry later, and the pool reconnects by itself when the database is back. SQLSTATE class 08
 * (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many
 * connections), socket errors and closed clients.
 */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (depth > 3) return false
  const { code, message, cause } = fields(error)
  const state = sqlState(error)
  if (state && (state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03' || state === '53300')) return true
  if (typeof code === 'string' && lostConnectionCodes.has(code)) return true
  if (typeof message === 'string' && lostConnectionMessages.some((text) => message.includes(text))) return true
  if (error instanceof AggregateError) return error.errors.some((inner) => isConnectionLost(inner, depth + 1))
  return cause !== undefined && isConnectionLost(cause, depth + 1)
}
