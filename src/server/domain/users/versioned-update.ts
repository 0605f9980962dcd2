import type { Kysely, Updateable } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { refusal } from '../refusal'
import type { Database, UserRow, UsersTable } from '../../db/schema'

export function staleVersion(currentVersion: number): DeskError {
  return refusal('CONFLICT', 'staleVersion', 'Someone else changed this user in the meantime. Reload it and try again.', { currentVersion })
}

/**
 * Optimistic concurrency for users: updates the row only if its version is still `expectedVersion`,
 * bumps the version and updated_at, and returns the row as it is now. A stale version is 409
 * CONFLICT with `{currentVersion}`; an unknown id is 404. Of two writers racing on one version,
 * exactly one wins: the row lock makes the second re-check the version after the first commits.
 */
export async function updateUserVersioned(
  trx: Kysely<Database>,
  id: number,
  expectedVersion: number,
  values: Omit<Updateable<UsersTable>, 'version' | 'updated_at' | 'id'>,
  now: Date
): Promise<UserRow> {
  const updated = await trx
    .updateTable('users')
    .set({ ...values, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()
  if (updated) return updated
  const current = await trx.selectFrom('users').select('version').where('id', '=', id).executeTakeFirst()
  if (!current) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
  throw staleVersion(current.version)
}

/** Locks the user row for the rest of the transaction and returns it (404 when unknown). */
export async function lockUser(trx: Kysely<Database>, id: number): Promise<UserRow> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
  return row
}
