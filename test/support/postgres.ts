import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Scratch PostgreSQL databases for integration tests and the benchmark: each run creates its own,
 * uniquely named, and drops it afterwards. The server defaults to the one our machines run
 * (127.0.0.1:5432, trust auth); PORTALDESK_TEST_POSTGRES overrides it.
 */
export const defaultPostgresServerUrl = process.env.PORTALDESK_TEST_POSTGRES ?? 'postgres://root@127.0.0.1:5432/postgres'

export interface ScratchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** Whether a PostgreSQL server answers at this URL (within a few seconds). */
export async function postgresReachable(serverUrl = defaultPostgresServerUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export interface ScratchOptions {
  /** A name to use as it is, instead of the prefix with a unique suffix. */
  name?: string
  /** Copied from this database (CREATE DATABASE … TEMPLATE), which must have no open connections. */
  template?: string
}

/** Creates an empty database on the server of `serverUrl` (or a copy of `template`); `url` points at it with the same credentials. */
export async function createScratchDatabase(prefix = 'portaldesk_test', serverUrl = defaultPostgresServerUrl, options: ScratchOptions = {}): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`Unusable database name prefix: ${prefix}`)
  const name = options.name ?? `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name) || (options.template !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.template))) {
    throw new Error(`Unusable database name: ${name} (template ${String(options.template)})`)
  }
  const admin = new URL(serverUrl)
  admin.pathname = '/postgres'
  const template = options.template === undefined ? '' : ` template "${options.template}"`
  await withClient(admin.toString(), (client) => client.query(`create database "${name}"${template}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let dropped = false
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return
      dropped = true
      await withClient(admin.toString(), (client) => client.query(`drop database if exists "${name}" with (force)`))
    }
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}
