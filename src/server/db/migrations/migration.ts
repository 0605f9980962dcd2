import type { Kysely } from 'kysely'

/**
 * One step of the schema. `up` runs inside the migration transaction; it must not depend on the
 * current `Database` types, which describe the latest schema, not the one it starts from.
 */
export interface Migration {
  version: number
  name: string
  up(db: Kysely<unknown>): Promise<void>
}
