import { sql, type Kysely } from 'kysely'
import { migrations as allMigrations, type Migration } from './migrations'
import type { Database } from './schema'
import { serverVersion } from '../version'

/** Any number works as long as every instance uses the same one: it serializes concurrent migrators. */
const migrationLockKey = 740_211_001

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number
  ) {
    super(
      `The database schema is at version ${databaseVersion}, but this portal server (${serverVersion}) ` +
        `only knows schema versions up to ${codeVersion}. It was upgraded by a newer portal server; ` +
        `run that version, or restore a backup taken before the upgrade.`
    )
    this.name = 'SchemaTooNewError'
  }
}

export interface MigrationResult {
  from: number
  to: number
  applied: string[]
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.at(-1)?.version ?? 0
}

/**
 * Brings the schema to the latest version in one transaction, holding an advisory lock so that
 * several server instances starting together apply each migration once. Refuses a database whose
 * schema is newer than this code.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  migrations: readonly Migration[] = allMigrations
): Promise<MigrationResult> {
  assertOrdered(migrations)
  const latest = latestVersion(migrations)
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(tx)
    // Asked first: a runtime role without CREATE on the schema may still check that nothing is pending.
    if (!(await migrationsTableExists(tx))) {
      await sql`create table schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz(3) not null default now()
      )`.execute(tx)
    }
    const current = await currentVersionIn(tx)
    if (current > latest) throw new SchemaTooNewError(current, latest)
    const pending = migrations.filter((m) => m.version > current)
    for (const migration of pending) {
      // Migrations see an untyped database: they describe the schema as it was, not as Database says it is.
      await migration.up(tx as unknown as Kysely<unknown>)
      await tx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute()
    }
    return { from: current, to: Math.max(current, latest), applied: pending.map((m) => `${pad(m.version)}_${m.name}`) }
  })
}

/** The schema version recorded in the database, 0 when it has never been migrated. */
export async function currentSchemaVersion(db: Kysely<Database>): Promise<number> {
  if (!(await migrationsTableExists(db))) return 0
  return currentVersionIn(db)
}

async function migrationsTableExists(db: Kysely<Database>): Promise<boolean> {
  const exists = await sql<{ present: boolean }>`select to_regclass('schema_migrations') is not null as present`.execute(db)
  return exists.rows[0]?.present === true
}

async function currentVersionIn(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst()
  return row?.version ?? 0
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} has version ${m.version}; expected ${index + 1}`)
  })
}

function pad(version: number): string {
  return String(version).padStart(4, '0')
}
