import type { FastifyInstance } from 'fastify'
import { systemClock, type Clock } from './clock'
import type { ServerConfig } from './config'
import { connectDatabase, type DatabaseHandle } from './db/connect'
import { migrateToLatest, type MigrationResult } from './db/migrate'
import { isDatabaseEmpty } from './db/seed/seed'
import { seedDemoAccounts } from './demo-data'
import { buildApp } from './http/app'
import type { LogDestination } from './http/logging'
import { smtpTransport } from './mail/smtp-transport'
import { createMailWorker, type MailWorker } from './mail/worker'

export interface StartOptions {
  config: ServerConfig
  clock?: Clock
  logDestination?: LogDestination
  /** Seed the demo data when the database holds no users yet (the embedded mode). */
  seedIfEmpty?: { password: string; portalUsers: number; seed?: string }
}

export interface RunningServer {
  app: FastifyInstance
  database: DatabaseHandle
  port: number
  url: string
  migration: MigrationResult
  seeded: boolean
  /** Delivers the outbox when SMTP_URL is set; null otherwise (emails stay pending, visible in GET /outbox). */
  mailWorker: MailWorker | null
  /** Stops accepting requests, waits for those in flight, then closes the database. */
  close(): Promise<void>
}

/** The sender when MAIL_FROM is unset. */
export const defaultMailFrom = 'PortalDesk <no-reply@localhost>'

/**
 * Migrates through MIGRATION_DATABASE_URL when it names another role than DATABASE_URL (the server
 * then runs with fewer rights than the owner of the tables); otherwise through the server's own
 * connection. Either way the server's connection then refuses a schema newer than the code.
 */
async function migrateAsOwner(config: ServerConfig, database: DatabaseHandle): Promise<MigrationResult> {
  if (!config.migrationDatabaseUrl || config.migrationDatabaseUrl === config.databaseUrl) return migrateToLatest(database.db)
  const owner = await connectDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir })
  try {
    const result = await migrateToLatest(owner.db)
    await migrateToLatest(database.db)
    return result
  } finally {
    await owner.close()
  }
}

/** Connects, migrates (refusing a newer schema), optionally seeds, and listens. */
export async function startPortalServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options
  const clock = options.clock ?? systemClock
  let app: FastifyInstance | undefined
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // The pool replaces the connection; say so, since a restarting database explains what follows.
    onIdleError: (error) => app?.log.warn({ err: error }, 'an idle database connection failed and was dropped')
  })
  try {
    const migration = await migrateAsOwner(config, database)
    let seeded = false
    if (options.seedIfEmpty && (await isDatabaseEmpty(database.db))) {
      await seedDemoAccounts(database.db, { ...options.seedIfEmpty, now: clock.now() })
      seeded = true
    }
    app = await buildApp({
      db: database.db,
      databaseKind: database.dialect,
      config,
      clock,
      ...(options.logDestination ? { logDestination: options.logDestination } : {})
    })
    for (const warning of database.warnings) app.log.warn({ dataDir: config.dataDir }, warning)
    await app.listen({ host: config.host, port: config.port })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const running = app
    const mailWorker = config.smtpUrl
      ? createMailWorker({
          db: database.db,
          clock,
          transport: smtpTransport(config.smtpUrl),
          from: config.mailFrom ?? defaultMailFrom,
          logger: running.log,
          keepBodies: config.mailbox === 'local',
          ...(config.mailPollMs === undefined ? {} : { pollIntervalMs: config.mailPollMs })
        })
      : null
    mailWorker?.start()
    let closing: Promise<void> | undefined
    return {
      app: running,
      database,
      port,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      migration,
      seeded,
      mailWorker,
      close: () => {
        closing ??= (mailWorker?.stop() ?? Promise.resolve()).then(() => running.close()).then(() => database.close())
        return closing
      }
    }
  } catch (error) {
    await app?.close().catch(() => undefined)
    await database.close().catch(() => undefined)
    throw error
  }
}
