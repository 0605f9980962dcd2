/**
 * The `changes` of an audit row: per field, the value before and after. Secrets never reach the
 * audit log: a field whose name has a denied word keeps the fact that it changed, not the values.
 */
export interface FieldChange {
  from: unknown
  to: unknown
}

export type AuditChanges = Record<string, FieldChange>

export const redacted = '[redacted]'

/** Words that make a field secret, matched on the words of its name (camelCase or snake_case). */
const deniedWords = new Set(['password', 'passwords', 'hash', 'token', 'tokens', 'secret', 'secrets', 'key', 'otp', 'credential', 'credentials', 'cvc', 'cvv', 'pan'])
const deniedNames = new Set(['passwordhash', 'apikey', 'publickey', 'privatekey', 'cardnumber', 'authorization', 'cookie'])

export function isSecretField(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  return words.some((word) => deniedWords.has(word)) || deniedNames.has(words.join(''))
}

/** A value as it may be stored: dates as ISO strings, binary as its size, secrets inside objects removed. */
export function auditValue(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return storableText(value)
  if (Array.isArray(value)) return value.map(auditValue)
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, isSecretField(key) ? redacted : auditValue(inner)])
    )
  }
  return value
}

/** One field's change, redacted when the field is secret. */
export function fieldChange(field: string, from: unknown, to: unknown): FieldChange {
  return isSecretField(field) ? { from: redacted, to: redacted } : { from: auditValue(from), to: auditValue(to) }
}

/**
 * The fields of `after` whose value differs from `before` (compared after normalization, so a Date
 * and its ISO string are equal). Fields absent from `after` are not changes.
 */
export function diffChanges(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {}
  for (const [field, next] of Object.entries(after)) {
    if (next === undefined) continue
    const previous = before[field]
    if (JSON.stringify(auditValue(previous)) === JSON.stringify(auditValue(next))) continue
    changes[field] = fieldChange(field, previous, next)
  }
  return changes
}

/** Makes arbitrary changes safe to store: every field passed through `fieldChange`. */
export function sanitizeChanges(changes: AuditChanges): AuditChanges {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, fieldChange(field, change.from, change.to)]))
}

/** jsonb and text refuse NUL, and lone surrogates cannot be stored: a value holding one is stored with U+FFFD instead. */
export function storableText(value: string): string
export function storableText(value: string | null): string | null
export function storableText(value: string | null): string | null {
  if (value === null) return null
  // eslint-disable-next-line no-control-regex -- NUL is exactly what jsonb refuses
  return value.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}
