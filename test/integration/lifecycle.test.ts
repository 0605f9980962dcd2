import { fork } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localPortalMessage, type LocalPortalMessage } from '../../src/shared/local-portal-protocol'
import { connectDatabase } from '../../src/server/db/connect'
import { DataDirInUseError } from '../../src/server/db/data-dir-lock'
import { currentSchemaVersion, latestVersion, migrateToLatest, SchemaTooNewError } from '../../src/server/db/migrate'
import { DatabaseNotEmptyError } from '../../src/server/db/seed/seed'
import { seedDemoAccounts } from '../../src/server/demo-data'
import { startPortalServer } from '../../src/server/server'
import { migrations } from '../../src/server/db/migrations'
import { backends, emptyDatabase, pgliteBackend, type ProvisionedDatabase } from './support/backends'
import { testConfig } from './support/portal'
import { repoRoot } from '../browser-host/desk-build'
import { builtServerEntry } from '../browser-host/stand-ins/fork-launcher'

const provisioned: ProvisionedDatabase[] = []
afterAll(async () => {
  await Promise.all(provisioned.map((p) => p.dispose()))
})

describe.each(backends)('schema and seed on $name', (backend) => {
  it.runIf(backend.enabled)('migrates once, then finds nothing to do', async () => {
    const database = await backend.provision(emptyDatabase)
    provisioned.push(database)
    const handle = await connectDatabase(database)
    try {
      expect(await currentSchemaVersion(handle.db)).toBe(0)
      const first = await migrateToLatest(handle.db)
      expect(first).toMatchObject({ from: 0, to: latestVersion(), applied: migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`) })
      const second = await migrateToLatest(handle.db)
      expect(second).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] })
    } finally {
      await handle.close()
    }
  })

  it.runIf(backend.enabled)('refuses to start on a schema newer than the code, naming both versions', async () => {
    const database = await backend.provision(emptyDatabase)
    provisioned.push(database)
    const handle = await connectDatabase(database)
    await migrateToLatest(handle.db)
    await handle.db.insertInto('schema_migrations').values({ version: 42, name: 'from_the_future' }).execute()
    await handle.close()

    const start = startPortalServer({ config: testConfig(database) })
    await expect(start).rejects.toBeInstanceOf(SchemaTooNewError)
    await expect(start).rejects.toThrow(new RegExp(`version 42.*versions up to ${latestVersion()}`))
  })

  it.runIf(backend.enabled)('seeds deterministically and refuses to seed a database that holds data', async () => {
    const database = await backend.provision(emptyDatabase)
    provisioned.push(database)
    const handle = await connectDatabase(database)
    try {
      await migrateToLatest(handle.db)
      const now = new Date('2026-02-01T00:00:00.000Z')
      const summary = await seedDemoAccounts(handle.db, { portalUsers: 250, seed: 'fixed', password: 'p', now })
      expect(summary).toEqual({ companies: 32, websites: 32, internalUsers: 9, portalUsers: 250 })
      const users = await handle.db.selectFrom('users').select(['id', 'login', 'name', 'email', 'phone']).orderBy('id').execute()
      expect(users).toHaveLength(259)
      expect(users[0]).toMatchObject({ id: 1, login: 'admin', name: 'Portal Administrator' })
      const hashes = await handle.db.selectFrom('users').select('password_hash').distinct().execute()
      expect(hashes).toHaveLength(1)
      expect(hashes[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)

      await expect(seedDemoAccounts(handle.db, { portalUsers: 10, seed: 'fixed', password: 'p', now })).rejects.toBeInstanceOf(DatabaseNotEmptyError)
      expect(await handle.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst()).toEqual({ n: '259' })

      // New rows after the seed get ids past the seeded ones.
      const next = await handle.db.insertInto('users').values({ kind: 'portal', login: 'after.seed', name: 'After Seed' }).returning('id').executeTakeFirstOrThrow()
      expect(next.id).toBe(260)
    } finally {
      await handle.close()
    }
  })
})

describe('the PGlite data folder', () => {
  it('is opened by one connection at a time', async () => {
    const database = await pgliteBackend.provision(emptyDatabase)
    provisioned.push(database)
    const first = await connectDatabase(database)
    await expect(connectDatabase(database)).rejects.toBeInstanceOf(DataDirInUseError)
    await expect(connectDatabase(database)).rejects.toThrow(/in use by another process \(pid \d+\)/)
    await first.close()
    const second = await connectDatabase(database)
    await second.close()
  })
})

describe('the embedded process entry', () => {
  // Built from src/server/process-entry.ts before this suite runs (global-setup.ts), as the packaged desk runs it.
  const entry = resolve(repoRoot, builtServerEntry)

  function launch(env: Record<string, string>) {
    const child = fork(entry, [], {
      execArgv: [],
      env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    })
    const message = new Promise<LocalPortalMessage>((resolveMessage, reject) => {
      child.once('message', (raw) => resolveMessage(localPortalMessage.parse(raw)))
      child.once('exit', (code) => reject(new Error(`exited with ${code} before a message`)))
    })
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)))
    return { child, message, exited }
  }

  it('migrates, seeds an empty database, reports ready, serves, and stops cleanly on SIGTERM or disconnect', async () => {
    const database = await pgliteBackend.provision()
    provisioned.push(database)
    const env = { DATA_DIR: database.dataDir, PORTALDESK_SEED_IF_EMPTY: '1', PORTALDESK_SEED_PASSWORD: 'embedded-pass', PORTALDESK_SEED_USERS: '40' }
    const first = launch(env)
    const ready = await first.message
    expect(ready).toMatchObject({ type: 'ready', seeded: true })
    if (ready.type !== 'ready') throw new Error('not ready')
    const login = await fetch(`http://127.0.0.1:${ready.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'embedded-pass' })
    })
    expect(login.status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)

    // Second start on the same data: nothing to seed, the data survived the shutdown. The parent
    // going away (the IPC channel closing) stops it too.
    const second = launch(env)
    expect(await second.message).toMatchObject({ type: 'ready', seeded: false })
    second.child.disconnect()
    expect(await second.exited).toBe(0)
  })

  it('reports failed and exits non-zero when it cannot start', async () => {
    const database = await pgliteBackend.provision()
    provisioned.push(database)
    const run = launch({ DATA_DIR: database.dataDir, PORTALDESK_SEED_IF_EMPTY: '1', PORTALDESK_SEED_PASSWORD: '' })
    const message = await run.message
    expect(message).toMatchObject({ type: 'failed' })
    if (message.type === 'failed') expect(message.message).toContain('PORTALDESK_SEED_PASSWORD')
    expect(await run.exited).not.toBe(0)

    const badPort = launch({ DATA_DIR: database.dataDir, PORT: 'eighty' })
    const failed = await badPort.message
    expect(failed.type === 'failed' && failed.message).toMatch(/PORT/)
    expect(await badPort.exited).not.toBe(0)
  })
})
