import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireOrSkip } from '../../support/environment'
import { createScratchDatabase, defaultPostgresServerUrl, postgresReachable } from '../../support/postgres'

export interface ProvisionedDatabase {
  dataDir: string
  databaseUrl: string | undefined
  dispose(): Promise<void>
}

export interface TestBackend {
  name: 'pglite' | 'postgres'
  enabled: boolean
  provision(): Promise<ProvisionedDatabase>
}

const postgresEnabled = requireOrSkip(
  'PostgreSQL',
  await postgresReachable(),
  `nothing answers at ${new URL(defaultPostgresServerUrl).host}; start PostgreSQL or set PORTALDESK_TEST_POSTGRES`
)

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'portaldesk-it-'))
}

export const pgliteBackend: TestBackend = {
  name: 'pglite',
  enabled: true,
  async provision() {
    const dataDir = await tempDir()
    return { dataDir, databaseUrl: undefined, dispose: () => rm(dataDir, { recursive: true, force: true }) }
  }
}

export const postgresBackend: TestBackend = {
  name: 'postgres',
  enabled: postgresEnabled,
  async provision() {
    const dataDir = await tempDir()
    const database = await createScratchDatabase('portaldesk_it')
    return {
      dataDir,
      databaseUrl: database.url,
      async dispose() {
        await database.drop()
        await rm(dataDir, { recursive: true, force: true })
      }
    }
  }
}

/** Every suite runs on both: PGlite always, PostgreSQL where it answers (required on CI). */
export const backends: readonly TestBackend[] = [pgliteBackend, postgresBackend]
