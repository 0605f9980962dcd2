import { createHash } from 'node:crypto'
import type { AuditActorRole, VerificationMethodColumn } from '../../db/schema'
import { storableText } from './changes'

/**
 * The hash chain of the audit log. Each row stores `row_hash = SHA-256(prefix, prev_hash, content)`
 * where `prev_hash` is the `row_hash` of the row before it in `seq` order (the genesis value for the
 * first), so that changing, removing or re-ordering a row breaks every link after it.
 *
 * The content is serialised canonically, so that the hash computed before the insert equals the one
 * computed from the row read back: every column is present (null, never missing), object keys are
 * sorted at every depth (jsonb stores them in its own order), the time is the ISO string of the
 * stored millisecond, `seq` is a decimal string (int8 is read as a string), and strings are the
 * text the database keeps (NUL and a lone surrogate are stored as U+FFFD, see `storableText`).
 */

/** The `prev_hash` of the first row. */
export const genesisHash = '0'.repeat(64)

/** Changing the serialisation below means a new prefix and a migration that re-chains the log. */
const digestPrefix = 'portaldesk.audit.v1'

/** The columns an audit row's hash covers: everything but its identity id and the hashes. */
export interface AuditChainContent {
  /** Position in the chain (int8, as a decimal string): 1, 2, 3… without gaps. */
  seq: string
  at: Date
  actor_id: number | null
  actor_login: string | null
  actor_role: AuditActorRole
  target_user_id: number | null
  action: string
  changes: Record<string, unknown>
  ip: string | null
  user_agent: string | null
  ticket_ref: string | null
  reason: string | null
  verification_method: VerificationMethodColumn | null
}

/** The columns a row's hash covers (with the previous row's hash), in the order they are hashed. */
export const auditChainColumns = [
  'seq',
  'at',
  'actor_id',
  'actor_login',
  'actor_role',
  'target_user_id',
  'action',
  'changes',
  'ip',
  'user_agent',
  'ticket_ref',
  'reason',
  'verification_method'
] as const satisfies readonly (keyof AuditChainContent)[]

/** The hex SHA-256 that links `row` to the row before it (whose `row_hash` is `previousHash`). */
export function auditRowDigest(previousHash: string, row: AuditChainContent): string {
  if (!/^[0-9a-f]{64}$/.test(previousHash)) throw new Error('The previous hash must be 64 lowercase hex digits.')
  const content: Record<string, unknown> = {}
  for (const column of auditChainColumns) {
    const value = row[column]
    if (value === undefined) throw new Error(`An audit row's ${column} is missing; a column without a value is null.`)
    content[column] = column === 'at' ? isoInstant(value as Date) : value
  }
  return createHash('sha256').update(`${digestPrefix}\n${previousHash}\n${canonicalJson(content)}`, 'utf8').digest('hex')
}

/** JSON with object keys sorted at every depth and strings made storable; one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value))
}

/**
 * A JSON value as the database will give it back: what JSON cannot hold is dropped or null (as
 * JSON.stringify does), strings (keys too) are storable. The insert stores this very value.
 */
export function storableJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(canonicalValue(value))) as T
}

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value)
  if (Array.isArray(value)) return value.map(canonicalValue)
  if (value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') return canonicalValue(value.toJSON())
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key]
      if (inner !== undefined) sorted[storableText(key)] = canonicalValue(inner)
    }
    return sorted
  }
  return value
}

function isoInstant(at: Date): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error("An audit row's time must be a valid Date.")
  return at.toISOString()
}
