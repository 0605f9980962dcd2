import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { auditIntegrity } from '../../src/shared/audit'
import { connectDatabase } from '../../src/server/db/connect'
import { migrateToLatest } from '../../src/server/db/migrate'
import { migrations } from '../../src/server/db/migrations'
import { auditChainMigration } from '../../src/server/db/migrations/0006_audit_chain'
import type { Database } from '../../src/server/db/schema'
import { describeAuditChain, verifyAuditChain } from '../../src/server/domain/audit/verify'
import { startPortalServer } from '../../src/server/server'
import { defaultPostgresServerUrl, createScratchDatabase } from '../support/postgres'
import { backends, emptyDatabase, postgresBackend, type ProvisionedDatabase } from './support/backends'
import { signInAs, type OperatorClient } from './support/operators'
import { startTestPortal, testConfig, testPassword, type TestPortal } from './support/portal'

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** `npm run server -- <args>` as an operator runs it, against the given database. */
function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli.ts', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', MIGRATION_DATABASE_URL: '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })
}

/**
 * What `audit verify` prints and exits with, from the same verification run in this process: a tsx child
 * per check would cost seconds each. One test below runs the real command end to end.
 */
async function verifyAsCli(db: Kysely<Database>): Promise<CliResult> {
  const report = await verifyAuditChain(db)
  return { code: report.intact ? 0 : 1, stdout: `${describeAuditChain(report)}\n`, stderr: '' }
}

function cliEnv(database: ProvisionedDatabase): Record<string, string | undefined> {
  return { DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' }
}

/** As the owner of the table (PGlite gives every connection the owner's rights): lift the trigger, tamper, put it back. */
async function tamperAsOwner(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(trx)
    await statement.execute(trx)
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(trx)
  })
}

/**
 * What an operator does before the attack: records the head that `audit verify` prints. Then the owner cuts
 * the row `cutId` from the end, and the chain alone still looks whole: that is what the recorded head is for.
 */
async function recordHeadThenCut(database: ProvisionedDatabase, cutId: string): Promise<string> {
  const owner = await connectDatabase(database)
  try {
    const head = /^head: (\S+)$/m.exec((await verifyAsCli(owner.db)).stdout)?.[1] ?? ''
    await tamperAsOwner(owner.db, sql`delete from audit_log where id = ${cutId}`)
    expect((await verifyAsCli(owner.db)).code).toBe(0)
    return head
  } finally {
    await owner.close()
  }
}

async function portalUserIds(db: Kysely<Database>, count: number, offset: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('kind', '=', 'portal').where('active', '=', true).where('email', 'is not', null).orderBy('id').offset(offset).limit(count).execute()
  return rows.map((row) => row.id)
}

async function integrity(client: OperatorClient) {
  const response = await client.get('/api/v1/audit/integrity')
  expect(response.status).toBe(200)
  return auditIntegrity.parse(response.body)
}

describe.each(backends)('the audit hash chain on $name', (backend) => {
  const portals: TestPortal[] = []
  afterAll(async () => {
    await Promise.all(portals.map((portal) => portal.close()))
  })

  async function start(): Promise<TestPortal> {
    const portal = await startTestPortal(backend, { portalUsers: 80 })
    portals.push(portal)
    return portal
  }

  it.runIf(backend.enabled)('stays one unbroken chain when 20 audited actions arrive at once', async () => {
    const portal = await start()
    const db = portal.server.database.db
    const admin = await signInAs(portal, 'administrator')
    const ids = await portalUserIds(db, 20, 0)
    const answers = await Promise.all(ids.map((id) => admin.post(`/api/v1/users/${id}/require-reset`, {})))
    expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 200))

    const total = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const seqs = await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()
    expect(seqs.map((row) => Number(row.seq))).toEqual(Array.from({ length: Number(total.n) }, (_, index) => index + 1))
    const report = await integrity(admin)
    expect(report).toMatchObject({ intact: true, rows: Number(total.n) })
    expect(report.brokenAt).toBeUndefined()
    // Support agents read the trail too, and are told whether it can be trusted.
    expect(await integrity(await signInAs(portal, 'support'))).toMatchObject({ intact: true })
    expect(await verifyAuditChain(db, { pageSize: 7 })).toMatchObject({ intact: true, rows: Number(total.n) })
  })

  it.runIf(backend.enabled)('shows a row the owner edited behind a lifted trigger: the API, then `audit verify` (exit 1)', async () => {
    const portal = await start()
    const db = portal.server.database.db
    const admin = await signInAs(portal, 'administrator')
    const [target] = await portalUserIds(db, 1, 30)
    expect((await admin.post(`/api/v1/users/${target}/require-reset`, {})).status).toBe(200)
    const row = await db.selectFrom('audit_log').select(['id', 'seq']).where('action', '=', 'password.requireReset').executeTakeFirstOrThrow()

    // The reproduced attack: disable the trigger, rewrite what happened, enable it again.
    await tamperAsOwner(db, sql`update audit_log set changes = '{"resetRequired": {"from": true, "to": false}}'::jsonb where id = ${row.id}`)
    expect(await integrity(admin)).toMatchObject({ intact: false, brokenAt: { id: row.id, seq: row.seq, reason: 'contentChanged' } })

    const cli = await verifyAsCli(db)
    expect(cli.stdout).toContain(`audit log broken at row ${row.id} (content changed)`)
    expect(cli.code).toBe(1)
  })

  it.runIf(backend.enabled)('shows a row deleted from the middle at the row after it; an untouched log verifies intact', async () => {
    const portal = await start()
    const db = portal.server.database.db
    const admin = await signInAs(portal, 'administrator')
    for (const id of await portalUserIds(db, 3, 40)) expect((await admin.post(`/api/v1/users/${id}/require-reset`, {})).status).toBe(200)
    const rows = await db.selectFrom('audit_log').select(['id', 'seq']).where('action', '=', 'password.requireReset').orderBy('seq').execute()
    const [, middle, after] = rows
    if (!middle || !after) throw new Error('expected three audited resets')

    const clean = await verifyAsCli(db)
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(/^audit log intact: \d+ rows\nhead: \d+:[0-9a-f]{64}\n/)

    await tamperAsOwner(db, sql`delete from audit_log where id = ${middle.id}`)
    const broken = await verifyAsCli(db)
    expect(broken.stdout).toContain(`audit log broken at row ${after.id} (row missing)`)
    expect(broken.code).toBe(1)
  })

  it.runIf(backend.enabled)('cannot see rows cut from the end by itself, but does against a head recorded earlier', async () => {
    const portal = await start()
    const db = portal.server.database.db
    const env = cliEnv(portal.database)
    const admin = await signInAs(portal, 'administrator')
    for (const id of await portalUserIds(db, 2, 50)) expect((await admin.post(`/api/v1/users/${id}/require-reset`, {})).status).toBe(200)
    const [kept, cut] = await db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq', 'desc').limit(2).execute().then((rows) => rows.reverse())
    if (!kept || !cut) throw new Error('expected two audit rows')
    await portal.server.close()

    const recordedHead = await recordHeadThenCut(portal.database, cut.id)
    expect(recordedHead).toMatch(new RegExp(`^${cut.seq}:[0-9a-f]{64}$`))
    const checked = await runCli(['audit', 'verify', '--head', recordedHead], env)
    expect(checked.stdout).toContain(`audit log broken after row ${kept.id} (rows missing at the end`)
    expect(checked.code).toBe(1)
  })

  it.runIf(backend.enabled)('chains the rows of a database migrated from the version before the chain, in id order', async () => {
    const database = await backend.provision(emptyDatabase)
    const handle = await connectDatabase(database)
    try {
      await migrateToLatest(handle.db, migrations.filter((migration) => migration.version < auditChainMigration.version))
      await sql`insert into audit_log (at, actor_role, action, changes, reason)
        select timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute', 'system', 'test.before', jsonb_build_object('n', jsonb_build_object('from', n, 'to', n + 1)), 'été ' || n
        from generate_series(1, 4500) as n`.execute(handle.db)
      await migrateToLatest(handle.db)
      const report = await verifyAuditChain(handle.db)
      expect(report).toMatchObject({ intact: true, rows: 4500, head: { seq: '4500' } })
      const first = await handle.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('id').limit(1).executeTakeFirstOrThrow()
      expect(first.seq).toBe('1')
      // The trigger is back: the owner's application code still cannot edit a row.
      await expect(sql`update audit_log set reason = 'x' where seq = 1`.execute(handle.db)).rejects.toThrow(/append-only/)
    } finally {
      await handle.close()
      await database.dispose()
    }
  })
})

describe('audit verify', () => {
  it('refuses a recorded head it cannot read, before it opens any database', async () => {
    const refused = await runCli(['audit', 'verify', '--head', 'nonsense'], { DATA_DIR: '/nonexistent-portaldesk' })
    expect(refused.stderr).toContain('--head must be <seq>:<sha256>')
    expect(refused.code).toBe(1)
  })
})

describe('setup-roles', () => {
  it('says that it does not apply to PGlite', async () => {
    const result = await runCli(['setup-roles', '--runtime-role', 'portal_app'], { DATA_DIR: '/nonexistent-portaldesk' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/does not apply to the embedded PGlite database/)
  })
})

describe.runIf(postgresBackend.enabled)('the runtime role on PostgreSQL', () => {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  const ownerRole = `pd_owner_${suffix}`
  const runtimeRole = `pd_runtime_${suffix}`
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined)
  })

  async function asRoot(text: string): Promise<void> {
    const client = new pg.Client({ connectionString: defaultPostgresServerUrl })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }

  function urlAs(databaseUrl: string, role: string): string {
    const url = new URL(databaseUrl)
    url.username = role
    url.password = ''
    return url.toString()
  }

  it('may insert and read the audit log, never update, delete, truncate it or disable its trigger; the server runs as it', async () => {
    cleanup.push(() => asRoot(`drop role if exists "${runtimeRole}"`), () => asRoot(`drop role if exists "${ownerRole}"`))
    await asRoot(`create role "${ownerRole}" login createrole`)
    const scratch = await createScratchDatabase('portaldesk_roles')
    cleanup.push(() => scratch.drop())
    await asRoot(`alter database "${scratch.name}" owner to "${ownerRole}"`)
    const ownerUrl = urlAs(scratch.url, ownerRole)
    const runtimeUrl = urlAs(scratch.url, runtimeRole)
    const env = { DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl, DATA_DIR: '/nonexistent-portaldesk' }

    const seeded = await runCli(['seed', '--users', '60', '--password', testPassword], env)
    expect(seeded.stderr).toBe('')
    const setup = await runCli(['setup-roles'], env)
    expect(setup.stderr).toBe('')
    expect(setup.stdout).toMatch(new RegExp(`Created the runtime role "${runtimeRole}"`))
    const again = await runCli(['setup-roles'], env)
    expect(again.stdout).toMatch(new RegExp(`Updated the runtime role "${runtimeRole}"`))
    // The owner itself cannot be made the runtime role.
    expect((await runCli(['setup-roles', '--runtime-role', ownerRole], env)).stderr).toMatch(/owns the tables/)

    const runtime = new pg.Client({ connectionString: runtimeUrl })
    await runtime.connect()
    try {
      const refusals: [string, RegExp][] = [
        ['update audit_log set reason = $$rewritten$$', /permission denied for table audit_log/],
        ['delete from audit_log', /permission denied for table audit_log/],
        ['truncate audit_log', /permission denied for table audit_log/],
        ['alter table audit_log disable trigger audit_log_no_update_or_delete', /must be owner of table audit_log/],
        ['alter table audit_log disable trigger all', /must be owner of table audit_log/],
        ['drop table audit_log', /must be owner of table audit_log/]
      ]
      for (const [statement, message] of refusals) {
        await expect(runtime.query(statement), statement).rejects.toThrow(message)
      }
      const count = await runtime.query<{ n: string }>('select count(*) as n from audit_log')
      expect(Number(count.rows[0]?.n)).toBeGreaterThan(0)
    } finally {
      await runtime.end()
    }

    // The server, running as the runtime role: sign in, an audited action, the chain still intact.
    const dataDir = { dataDir: '/nonexistent-portaldesk', databaseUrl: runtimeUrl, dispose: async () => {} }
    const server = await startPortalServer({ config: { ...testConfig(dataDir), migrationDatabaseUrl: ownerUrl } })
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: testPassword })
      })
      expect(login.status).toBe(200)
      const { token } = (await login.json()) as { token: string }
      const [target] = await portalUserIds(server.database.db, 1, 5)
      const reset = await fetch(`${server.url}/api/v1/users/${target}/require-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}'
      })
      expect(reset.status).toBe(200)
      const check = await fetch(`${server.url}/api/v1/audit/integrity`, { headers: { authorization: `Bearer ${token}` } })
      expect(auditIntegrity.parse(await check.json())).toMatchObject({ intact: true })
    } finally {
      await server.close()
    }
  })
})
