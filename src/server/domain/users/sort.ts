import { sql, type RawBuilder } from 'kysely'
import type { UserSort, UserSortKey } from '../../../shared/users'

export interface SortSpec {
  key: UserSortKey
  direction: 'asc' | 'desc'
  /** The ordering expression; each has a btree index on (expression, id) in the schema. */
  expression: RawBuilder<unknown>
  /** Text keys are read back from SQL verbatim; the time key travels as an ISO string (null = never). */
  keyType: 'text' | 'time'
}

/**
 * Nulls are folded into the key ('' for text, -infinity for time) so that a plain row comparison
 * `(key, id) > (…)` walks the index: empty values come first ascending and last descending.
 */
const expressions: Record<UserSortKey, { expression: RawBuilder<unknown>; keyType: 'text' | 'time' }> = {
  name: { expression: sql`lower(u.name)`, keyType: 'text' },
  login: { expression: sql`lower(u.login)`, keyType: 'text' },
  email: { expression: sql`coalesce(lower(u.email), '')`, keyType: 'text' },
  company: { expression: sql`coalesce(lower(u.company_name), '')`, keyType: 'text' },
  lastSignInAt: { expression: sql`coalesce(u.last_sign_in_at, '-infinity'::timestamptz)`, keyType: 'time' }
}

export function sortSpec(sort: UserSort): SortSpec {
  const descending = sort.startsWith('-')
  const key = (descending ? sort.slice(1) : sort) as UserSortKey
  return { key, direction: descending ? 'desc' : 'asc', ...expressions[key] }
}
