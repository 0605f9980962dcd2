import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { ensureDeskBuilt, repoRoot } from '../../browser-host/desk-build'
import { defaultPostgresServerUrl, postgresReachable } from '../../support/postgres'
import { newTemplateRunId, templateDatabasePrefix, templateRunStartedAt, type TemplateRun } from './template-store'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: TemplateRun
  }
}

const runFolderPrefix = 'portaldesk-it-templates-'
/** Older than this, a run's leftovers (it was killed before its teardown) are surely not in use. */
const staleAfterMs = 24 * 3_600_000

/**
 * The integration suite's database templates (backends.ts): one folder per run, shared by the worker
 * processes, and PostgreSQL template databases named with the run's id. All of it goes when the run
 * ends; what an interrupted run left is removed by a later one after a day (other runs, of other
 * worktrees, may share the PostgreSQL server and the temporary folder).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The tests that start the portal server as its own process run the bundle the packaged desk runs.
  ensureDeskBuilt(repoRoot)
  await removeStaleRunFolders()
  const postgres = await postgresReachable()
  if (postgres) await dropTemplateDatabases((name) => (templateRunStartedAt(name) ?? Date.now()) < Date.now() - staleAfterMs)

  const id = newTemplateRunId()
  const dir = await mkdtemp(join(tmpdir(), `${runFolderPrefix}${id}-`))
  project.provide('databaseTemplates', { dir, id })
  return async () => {
    if (postgres) await dropTemplateDatabases((name) => name.startsWith(`${id}_`))
    await rm(dir, { recursive: true, force: true })
  }
}

async function removeStaleRunFolders(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(runFolderPrefix)) continue
    const path = join(tmpdir(), name)
    const info = await stat(path).catch(() => null)
    if (info && info.mtimeMs < Date.now() - staleAfterMs) await rm(path, { recursive: true, force: true })
  }
}

async function dropTemplateDatabases(which: (name: string) => boolean): Promise<void> {
  const admin = new URL(defaultPostgresServerUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [templateDatabasePrefix])
    for (const { datname } of rows.filter((row) => which(row.datname))) await client.query(`drop database if exists "${datname}" with (force)`)
  } finally {
    await client.end()
  }
}
