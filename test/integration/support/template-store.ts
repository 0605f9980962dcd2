import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isRunning } from '../../../src/server/db/data-dir-lock'

/**
 * Where one run of the integration suite keeps its database templates, shared by every worker process:
 * made by the suite's global setup, which removes it (and drops the PostgreSQL templates named with the
 * run's id) when the run ends.
 */
export interface TemplateRun {
  /** The run's folder: templates, their locks and their ready marks. */
  dir: string
  /** Starts every PostgreSQL template's name, so that a run's leftovers are recognised (and dated) by it. */
  id: string
}

/** `pdit_` + the run's start (base 36 milliseconds) + a random part: recognisable, datable, unique. */
export const templateDatabasePrefix = 'pdit_'

export function newTemplateRunId(now = Date.now()): string {
  return `${templateDatabasePrefix}${now.toString(36)}${randomBytes(3).toString('hex')}`
}

/** When the run that named a template database started; null for a name that is not a template's. */
export function templateRunStartedAt(databaseName: string): number | null {
  const match = new RegExp(`^${templateDatabasePrefix}([0-9a-z]{8,9})[0-9a-f]{6}_`).exec(databaseName)
  return match?.[1] ? Number.parseInt(match[1], 36) : null
}

/** A short name for a template's key, usable as a file name and inside a database name. */
export function templateSlug(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

const pollMs = 50
const building = new Map<string, Promise<void>>()

/**
 * Makes sure the template `slug` of the run exists, building it with `build` unless another worker has
 * done or is doing so: a lock file made with O_EXCL (holding the builder's pid) lets one process build
 * it, and a ready mark, written last, tells the others it is complete. A builder that died leaves its
 * lock behind: the next process that finds the pid gone takes over.
 */
export function ensureTemplate(run: TemplateRun, slug: string, build: () => Promise<void>): Promise<void> {
  const key = `${run.dir}/${slug}`
  let pending = building.get(key)
  if (!pending) {
    pending = buildOnce(run, slug, build)
    // A failed build is retried by the next caller rather than failing it with a stale error.
    pending.catch(() => building.delete(key))
    building.set(key, pending)
  }
  return pending
}

async function buildOnce(run: TemplateRun, slug: string, build: () => Promise<void>): Promise<void> {
  const ready = join(run.dir, `${slug}.ready`)
  const lock = join(run.dir, `${slug}.lock`)
  for (;;) {
    if (existsSync(ready)) return
    const handle = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return null
      throw error
    })
    if (handle) {
      try {
        await handle.writeFile(String(process.pid))
        await handle.close()
        // Built meanwhile by a process that then released its lock.
        if (existsSync(ready)) return
        await build()
        await writeFile(ready, '')
        return
      } finally {
        await rm(lock, { force: true })
      }
    }
    const owner = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
    if (Number.isInteger(owner) && owner > 0 && !isRunning(owner)) await rm(lock, { force: true })
    else await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}
