import { parseArgs } from 'node:util'
import { systemClock } from './clock'
import { ConfigError, parseConfig, type ServerConfig } from './config'
import { connectDatabase } from './db/connect'
import { migrateToLatest, SchemaTooNewError } from './db/migrate'
import { defaultPortalUsers, defaultSeed } from './db/seed/plan'
import { DataDirInUseError } from './db/data-dir-lock'
import { keepNewFilesPrivate } from './db/private-data-dir'
import { DatabaseNotEmptyError } from './db/seed/seed'
import { generateDemoPassword, seedDemoAccounts } from './demo-data'
import { startPortalServer } from './server'
import { describeDatabase } from './describe-database'
import { describeAuditChain, verifyAuditChain } from './domain/audit/verify'
import { RolesNotApplicableError, RuntimeRoleError, setupRuntimeRole } from './db/roles'
import type { AuditChainHead, AuditChainReport } from '../shared/audit'

const usage = `Usage: npm run server -- <command> [options]

Commands:
  serve                 migrate, then serve the portal API (HOST, PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL)
  migrate               bring the database schema to the latest version (as MIGRATION_DATABASE_URL, default DATABASE_URL)
  audit verify          walk the audit log's hash chain: "intact" with the row count and head, or the first
                        broken row (exit status 1)
    --head SEQ:SHA256   a head printed by an earlier run: also fails when rows were cut from the end since
  setup-roles           PostgreSQL only, run as the owner (MIGRATION_DATABASE_URL): let the runtime role use
                        the tables, with INSERT and SELECT only on the audit log
    --runtime-role R    the role the server runs as (default: the user of DATABASE_URL)
  seed                  migrate, then fill an empty database with demo data
    --users N           portal users to create (default ${defaultPortalUsers})
    --seed S            seed of the generator; the same seed gives the same data (default "${defaultSeed}")
    --password P        password of every seeded account (default: a random one, printed once)`

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      users: { type: 'string' },
      seed: { type: 'string' },
      password: { type: 'string' },
      'runtime-role': { type: 'string' },
      head: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  const command = positionals[0]
  if (values.help || !command) {
    console.log(usage)
    return
  }
  const subcommand = command === 'audit' ? positionals[1] : undefined
  const extra = positionals[command === 'audit' ? 2 : 1]
  if (extra !== undefined) throw new UsageError(`Unexpected argument: ${extra}`)
  const config = parseConfig(process.env)
  switch (command) {
    case 'audit':
      if (subcommand !== 'verify') throw new UsageError(subcommand === undefined ? 'audit needs a subcommand: verify' : `Unknown audit subcommand "${subcommand}".`)
      return auditVerify(config, parseRecordedHead(values.head))
    case 'setup-roles':
      return setupRoles(config, values['runtime-role'])
    case 'serve':
      return serve(config)
    case 'migrate':
      return migrate(config)
    case 'seed':
      return seed(config, {
        users: parseUserCount(values.users),
        seed: values.seed ?? defaultSeed,
        password: values.password
      })
    default:
      throw new UsageError(`Unknown command "${command}".`)
  }
}

async function serve(config: ServerConfig): Promise<void> {
  const server = await startPortalServer({ config })
  console.log(`Portal server ${describeDatabase(config)} listening on ${server.url} (API docs: ${server.url}/api/docs)`)
  const stop = (signal: string) => {
    console.log(`${signal} received: stopping the portal server.`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

async function migrate(config: ServerConfig): Promise<void> {
  const database = await connectDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir })
  for (const warning of database.warnings) console.warn(warning)
  try {
    const result = await migrateToLatest(database.db)
    console.log(
      result.applied.length === 0
        ? `The schema ${describeDatabase(config)} is up to date (version ${result.to}).`
        : `Migrated ${describeDatabase(config)} from version ${result.from} to ${result.to}: ${result.applied.join(', ')}.`
    )
  } finally {
    await database.close()
  }
}

function parseRecordedHead(value: string | undefined): AuditChainHead | undefined {
  if (value === undefined) return undefined
  const match = /^([1-9]\d{0,18}):([0-9a-f]{64})$/.exec(value.trim())
  if (!match?.[1] || !match[2]) throw new UsageError(`--head must be <seq>:<sha256> as "audit verify" prints it, not "${value}".`)
  return { seq: match[1], hash: match[2] }
}

async function auditVerify(config: ServerConfig, recordedHead: AuditChainHead | undefined): Promise<void> {
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  let report: AuditChainReport
  try {
    report = await verifyAuditChain(database.db, recordedHead ? { recordedHead } : {})
  } finally {
    await database.close()
  }
  console.log(describeAuditChain(report))
  if (!report.intact) process.exitCode = 1
}

async function setupRoles(config: ServerConfig, runtimeRole: string | undefined): Promise<void> {
  if (!config.migrationDatabaseUrl) {
    throw new RolesNotApplicableError(
      'setup-roles does not apply to the embedded PGlite database: it runs inside the server process, with the rights of the owner of every table.'
    )
  }
  const role = runtimeRole ?? (config.databaseUrl === undefined ? undefined : decodeURIComponent(new URL(config.databaseUrl).username))
  if (!role) throw new UsageError('Name the runtime role with --runtime-role, or put it in DATABASE_URL.')
  const database = await connectDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir })
  try {
    const result = await setupRuntimeRole(database.db, role)
    console.log(
      `${result.created ? 'Created' : 'Updated'} the runtime role "${role}": ${result.tables} tables (read and write; the audit log ` +
        `INSERT and SELECT only), owned by "${result.owner}". Give it a password with ALTER ROLE if it signs in with one.`
    )
  } finally {
    await database.close()
  }
}

async function seed(config: ServerConfig, options: { users: number; seed: string; password: string | undefined }): Promise<void> {
  if (options.password !== undefined && (options.password.length === 0 || options.password.length > 1024)) {
    throw new UsageError('--password must be between 1 and 1024 characters.')
  }
  const password = options.password ?? generateDemoPassword()
  // Seeding fills every table, the audit log too: the owner's work, like migrating.
  const database = await connectDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir })
  for (const warning of database.warnings) console.warn(warning)
  try {
    await migrateToLatest(database.db)
    const started = performance.now()
    let lastReport = started
    const summary = await seedDemoAccounts(database.db, {
      portalUsers: options.users,
      seed: options.seed,
      password,
      now: systemClock.now(),
      onProgress: (inserted, total) => {
        if (performance.now() - lastReport > 5000) {
          lastReport = performance.now()
          console.log(`  … ${inserted.toLocaleString('en')} of ${total.toLocaleString('en')} users`)
        }
      }
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `Seeded ${describeDatabase(config)} in ${seconds} s: ${summary.companies} companies with a portal website each, ` +
        `${summary.portalUsers} portal users, ${summary.internalUsers} internal users (seed "${options.seed}").`
    )
    console.log('Sign in to the desk as "admin" (administrator) or "support" (support agent).')
    if (options.password === undefined) console.log(`Password of every seeded account (shown only now): ${password}`)
  } finally {
    await database.close()
  }
}

function parseUserCount(value: string | undefined): number {
  if (value === undefined) return defaultPortalUsers
  const count = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count > 5_000_000) {
    throw new UsageError(`--users must be a whole number between 0 and 5000000, not "${value}".`)
  }
  return count
}

const knownErrors = [UsageError, ConfigError, SchemaTooNewError, DatabaseNotEmptyError, DataDirInUseError, RolesNotApplicableError, RuntimeRoleError]

// Before anything is written: the portal's data is for this OS user only.
keepNewFilesPrivate()
main(process.argv.slice(2)).catch((error: unknown) => {
  if (knownErrors.some((kind) => error instanceof kind)) {
    console.error((error as Error).message)
    if (error instanceof UsageError) console.error(`\n${usage}`)
  } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n\n${usage}`)
  } else {
    console.error('The portal server command failed:', error instanceof Error ? error.message : error)
    if (error instanceof Error && error.stack && process.env.LOG_LEVEL === 'debug') console.error(error.stack)
  }
  process.exit(1)
})
