import type { Kysely } from 'kysely'
import type { BlocklistKind, Database } from '../../db/schema'

/** The form the block list stores and compares: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** `+49 (30) 901-820` → `+4930901820`: digits, with a leading + when the number had one. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim()
  const digits = trimmed.replace(/\D+/g, '')
  return trimmed.startsWith('+') ? `+${digits}` : digits
}

export function normalizeBlocklistValue(kind: BlocklistKind, value: string): string {
  return kind === 'email' ? normalizeEmail(value) : normalizePhone(value)
}

export async function isBlocked(db: Kysely<Database>, kind: BlocklistKind, value: string): Promise<boolean> {
  const normalized = normalizeBlocklistValue(kind, value)
  if (normalized === '' || normalized === '+') return false
  const row = await db.selectFrom('blocklist').select('id').where('kind', '=', kind).where('value', '=', normalized).executeTakeFirst()
  return row !== undefined
}
