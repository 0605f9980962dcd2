import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema'

/**
 * Runs `fn` in one transaction: it commits when `fn` resolves and rolls back when it throws (the
 * error is rethrown untouched, so a DeskError still becomes its response). Every multi-step write
 * goes through here. Called inside a transaction, it joins it instead of nesting.
 */
export async function withTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>)
  return db.transaction().execute(fn)
}
