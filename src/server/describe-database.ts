import { pgliteDirectory } from './db/connect'
import type { ServerConfig } from './config'

/** "on PostgreSQL 127.0.0.1:5432/portal" or "on PGlite in /data/pglite", without any password. */
export function describeDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `on PGlite in ${pgliteDirectory(config.dataDir)}`
  try {
    const url = new URL(config.databaseUrl)
    return `on PostgreSQL ${url.host}${url.pathname}`
  } catch {
    return 'on PostgreSQL'
  }
}
