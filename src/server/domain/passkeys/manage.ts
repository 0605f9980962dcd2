import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { PasskeyItem } from '../../../shared/portal'
import type { Database } from '../../db/schema'

export function toPasskeyItem(row: { id: number; name: string; created_at: Date; last_used_at: Date | null }): PasskeyItem {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null }
}

/** A user's passkeys as they see them: name, created, last used. Never the key material. */
export async function listPasskeys(db: Kysely<Database>, userId: number): Promise<PasskeyItem[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toPasskeyItem)
}

const notFound = () => new DeskError('NOT_FOUND', 'You have no passkey with this id.')

/** Renames one of the user's own passkeys; returns the old name (for the audit row). 404 for anyone else's. */
export async function renamePasskey(trx: Kysely<Database>, userId: number, passkeyId: number, name: string): Promise<{ before: string; item: PasskeyItem }> {
  const current = await trx.selectFrom('passkeys').select('name').where('id', '=', passkeyId).where('user_id', '=', userId).forUpdate().executeTakeFirst()
  if (!current) throw notFound()
  const row = await trx
    .updateTable('passkeys')
    .set({ name })
    .where('id', '=', passkeyId)
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow()
  return { before: current.name, item: toPasskeyItem(row) }
}

/** Deletes one of the user's own passkeys; returns its name. 404 for anyone else's. */
export async function deletePasskey(trx: Kysely<Database>, userId: number, passkeyId: number): Promise<string> {
  const row = await trx.deleteFrom('passkeys').where('id', '=', passkeyId).where('user_id', '=', userId).returning('name').executeTakeFirst()
  if (!row) throw notFound()
  return row.name
}

/** Deletes every passkey of the user, for when whoever added them may not be its owner; returns how many. */
export async function deleteAllPasskeys(trx: Kysely<Database>, userId: number): Promise<number> {
  const rows = await trx.deleteFrom('passkeys').where('user_id', '=', userId).returning('id').execute()
  return rows.length
}
