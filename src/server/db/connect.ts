import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock'
import { prepareDataDir, privateDirectoryMode, restrictToOwner } from './private-data-dir'
import type { Database } from './schema'

export type DatabaseKind = 'pglite' | 'postgres'

const dateOid = 1082

/**
 * node-postgres turns `date` into a Date at local midnight, which shifts a birthday by a day in
 * some time zones. Dates stay 'YYYY-MM-DD' strings; every other type keeps its default parser.
 */
export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === dateOid && format !== 'binary' ? (value: string) => value : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
}

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DatabaseKind
  /** What the operator should know about where the data lives (a data folder others can open). */
  warnings: readonly string[]
  /** Closes the pool and, for PGlite, shuts the engine down cleanly so that its files are consistent. */
  close(): Promise<void>
}

export interface ConnectOptions {
  /** `postgres://…`; unset means embedded PGlite. */
  databaseUrl?: string | undefined
  /** Where PGlite keeps its files (a `pglite` folder is created inside). */
  dataDir: string
  /** Called when an idle PostgreSQL connection fails (e.g. the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void
}

/**
 * Both backends go through Kysely's own PostgresDialect and node-postgres, so that queries, type
 * parsing (int8 as string, timestamptz as Date, bytea as Buffer) and errors are identical. For PGlite,
 * its `node-postgres` adapter hands node-postgres a connection that talks to the in-process engine; a
 * pool of one serializes queries and transactions on PGlite's single connection.
 */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl, options.onIdleError) : connectPglite(options.dataDir)
}

export function pgliteDirectory(dataDir: string): string {
  return join(resolve(dataDir), 'pglite')
}

async function connectPglite(dataDir: string): Promise<DatabaseHandle> {
  const warnings = await prepareDataDir(dataDir)
  const directory = pgliteDirectory(dataDir)
  await mkdir(directory, { recursive: true, mode: privateDirectoryMode })
  const lock = await lockDataDir(directory)
  let pglite: PGlite | undefined
  try {
    // Before: files an older version left readable; after: the new cluster PGlite unpacked.
    await restrictToOwner(directory)
    pglite = await PGlite.create({ dataDir: directory, extensions: { pg_trgm } })
    await restrictToOwner(directory)
  } catch (error) {
    await pglite?.close().catch(() => undefined)
    await lock.release()
    throw error
  }
  const engine = pglite
  const pool = new pg.Pool({ ...createPgConfig(engine), types: typeParsers, max: 1, idleTimeoutMillis: 0 })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'pglite',
    warnings,
    async close() {
      try {
        await db.destroy()
        await engine.close()
        // The engine rewrites some files (its relation cache) with its own modes while it runs.
        await restrictToOwner(directory)
      } finally {
        await lock.release()
      }
    }
  }
}

async function connectPostgres(url: string, onIdleError?: (error: Error) => void): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, types: typeParsers, max: 10, connectionTimeoutMillis: 10_000 })
  pool.on('error', (error) => onIdleError?.(error))
  // A client that is checked out (inside a transaction, between two queries) has no pool listener,
  // and node-postgres emits a dropped connection as an 'error' event: unheard, it would end the
  // process. Listen on every client; the query in flight still fails with the error (→ 503).
  pool.on('connect', (client) => client.on('error', (error) => onIdleError?.(error)))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    warnings: [],
    async close() {
      await db.destroy()
    }
  }
}
