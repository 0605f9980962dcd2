import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { connectDatabase } from '../../../src/server/db/connect'
import { copyStoppedCluster } from '../../support/copy-stopped-cluster'
import { requireOrSkip } from '../../support/environment'
import { createScratchDatabase, defaultPostgresServerUrl, postgresReachable } from '../../support/postgres'
import { ensureTemplate, templateSlug, type TemplateRun } from './template-store'

export interface ProvisionedDatabase {
  dataDir: string
  databaseUrl: string | undefined
  dispose(): Promise<void>
}

/**
 * What a database starts with when it is not empty: `fill` makes it (migrating and seeding, say) once per
 * run, into a template that every later database with the same `key` is copied from. The same key must
 * always fill the same content (apart from salts and other randomness nobody asserts on).
 */
export interface DatabaseTemplate {
  key: string
  fill(database: ProvisionedDatabase): Promise<void>
}

export interface TestBackend {
  name: 'pglite' | 'postgres'
  enabled: boolean
  /**
   * A database of its own: a copy of `template` when given, else a brand-new empty one (a first run:
   * PGlite creates its cluster, PostgreSQL a new database).
   */
  provision(template?: DatabaseTemplate): Promise<ProvisionedDatabase>
}

const postgresEnabled = requireOrSkip(
  'PostgreSQL',
  await postgresReachable(),
  `nothing answers at ${new URL(defaultPostgresServerUrl).host}; start PostgreSQL or set PORTALDESK_TEST_POSTGRES`
)

/** Provided by the suite's global setup; absent (no templates, every database fresh) when another config runs these files. */
const templateRun: TemplateRun | undefined = inject('databaseTemplates')

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'portaldesk-it-'))
}

function fresh(dataDir: string): ProvisionedDatabase {
  return { dataDir, databaseUrl: undefined, dispose: () => rm(dataDir, { recursive: true, force: true }) }
}

async function copyPglite(fromDataDir: string, toDataDir: string): Promise<void> {
  await copyStoppedCluster(join(fromDataDir, 'pglite'), join(toDataDir, 'pglite'))
}

/** A PGlite template's data folder, built (once per run) on a copy of `base` when given. */
async function pgliteTemplate(templates: TemplateRun, template: DatabaseTemplate, base?: string): Promise<string> {
  const slug = `pglite-${templateSlug(template.key)}`
  const dataDir = join(templates.dir, slug)
  await ensureTemplate(templates, slug, async () => {
    await rm(dataDir, { recursive: true, force: true })
    await mkdir(dataDir, { mode: 0o700 })
    if (base !== undefined) await copyPglite(base, dataDir)
    await template.fill({ dataDir, databaseUrl: undefined, dispose: async () => undefined })
  })
  return dataDir
}

/**
 * An empty database (no schema), for tests of migrating and seeding themselves. On PGlite a copy of the
 * empty cluster its (slow, WebAssembly) initdb made once this run, which is also the base of every other
 * PGlite template; on PostgreSQL simply a new database. A test of PGlite's own first run provisions
 * without a template instead.
 */
export const emptyDatabase: DatabaseTemplate = {
  key: 'empty',
  async fill(database) {
    const handle = await connectDatabase(database)
    await handle.close()
  }
}

export const pgliteBackend: TestBackend = {
  name: 'pglite',
  enabled: true,
  async provision(template) {
    const dataDir = await tempDir()
    if (template === undefined || templateRun === undefined) return fresh(dataDir)
    try {
      const empty = await pgliteTemplate(templateRun, emptyDatabase)
      await copyPglite(template === emptyDatabase ? empty : await pgliteTemplate(templateRun, template, empty), dataDir)
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true })
      throw error
    }
    return fresh(dataDir)
  }
}

/** A PostgreSQL template database of this run, made (once per run) by `fill` and closed, so that it can be copied. */
async function postgresTemplate(templates: TemplateRun, template: DatabaseTemplate): Promise<string> {
  const name = `${templates.id}_${templateSlug(template.key)}`
  await ensureTemplate(templates, `postgres-${templateSlug(template.key)}`, async () => {
    const database = await createScratchDatabase(undefined, undefined, { name })
    try {
      await template.fill({ dataDir: join(templates.dir, name), databaseUrl: database.url, dispose: async () => undefined })
    } catch (error) {
      await database.drop()
      throw error
    }
  })
  return name
}

export const postgresBackend: TestBackend = {
  name: 'postgres',
  enabled: postgresEnabled,
  async provision(template) {
    const dataDir = await tempDir()
    try {
      const from = template === undefined || template === emptyDatabase || templateRun === undefined ? undefined : await postgresTemplate(templateRun, template)
      const database = await createScratchDatabase('portaldesk_it', undefined, from === undefined ? {} : { template: from })
      return {
        dataDir,
        databaseUrl: database.url,
        async dispose() {
          await database.drop()
          await rm(dataDir, { recursive: true, force: true })
        }
      }
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true })
      throw error
    }
  }
}

/** Every suite runs on both: PGlite always, PostgreSQL where it answers (required on CI). */
export const backends: readonly TestBackend[] = [pgliteBackend, postgresBackend]
