import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalPortal } from '../../src/main/local-portal/local-portal'
import type { ProcessLauncher } from '../../src/main/local-portal/process-launcher'
import { createConsoleLogger } from '../../src/main/log'
import { copyStoppedCluster } from '../support/copy-stopped-cluster'
import { createForkLauncher } from './stand-ins/fork-launcher'

/**
 * A first-run portal data folder (the server's DATA_DIR: PGlite files, migrated and seeded), made once
 * and copied into each host that asks for it. A fresh PGlite folder costs an initdb, the migrations and
 * the seeding: most of a host's start. A copy of a cleanly closed folder is a stopped PostgreSQL cluster,
 * safe to copy file by file, and each host still gets its own database that no other test sees.
 */
export interface PortalTemplate {
  /** Holds `portal/`, the folder a host copies to `<dataDir>/portal`. */
  dir: string
  users: number
  password: string
  /** Date.now() at seeding: the seed dates locks, sessions and audit rows relative to it. */
  seededAt: number
  remove(): Promise<void>
}

const manifest = 'template.json'

/**
 * Seeds through the server's own first-run path (process entry, migrations, demo data), then stops it
 * cleanly. In `dir` when given (replacing what is there), else in a new temporary folder. The built server,
 * as a host runs it.
 */
export async function createPortalTemplate(options: { users: number; password: string; repoRoot: string; dir?: string }): Promise<PortalTemplate> {
  if (options.dir !== undefined) {
    await rm(options.dir, { recursive: true, force: true })
    await mkdir(options.dir, { recursive: true, mode: 0o700 })
  }
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'portaldesk-template-')))
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    let exitCode: number | null | undefined
    const fork = createForkLauncher({ cwd: options.repoRoot, output: 'quiet' })
    const launcher: ProcessLauncher = {
      launch(env) {
        const child = fork.launch(env)
        return {
          ...child,
          onExit: (listener) =>
            child.onExit((code) => {
              exitCode = code
              listener(code)
            })
        }
      }
    }
    const env = { ...process.env }
    // Nothing may leave the template: each test's own server delivers to that test's mailbox.
    delete env.SMTP_URL
    const seededAt = Date.now()
    const portal = new LocalPortal({
      launcher,
      dataDir: join(dir, 'portal'),
      seedPassword: options.password,
      seedUsers: options.users,
      baseEnv: env,
      // A loaded machine can take more than the desk's 5 s to close PGlite; a kill would leave the template unusable.
      stopTimeoutMs: 30_000,
      log: { ...createConsoleLogger('portal template'), info: () => {} }
    })
    const running = await portal.start()
    await portal.stop()
    if (!running.seeded) throw new Error('The portal template was not seeded.')
    // Killed rather than stopped, PGlite's files could be mid-write: such a folder must not be copied.
    if (exitCode !== 0) throw new Error(`The portal template's server did not stop cleanly (exit code ${String(exitCode)}).`)
    // Written last: a folder without it is an interrupted build, never used.
    await writeFile(join(dir, manifest), JSON.stringify({ users: options.users, password: options.password, seededAt }))
    return { dir, users: options.users, password: options.password, seededAt, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** The complete template in `dir`, or null (none, or an interrupted build). */
export async function readPortalTemplate(dir: string): Promise<PortalTemplate | null> {
  const text = await readFile(join(dir, manifest), 'utf8').catch(() => null)
  if (text === null) return null
  const { users, password, seededAt } = JSON.parse(text) as { users: number; password: string; seededAt: number }
  return { dir, users, password, seededAt, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Copies the template's portal folder to `<dataDir>/portal`. */
export async function copyPortalTemplate(template: PortalTemplate, dataDir: string): Promise<void> {
  await copyStoppedCluster(join(template.dir, 'portal'), join(dataDir, 'portal'))
}

/**
 * The server reports `seeded: true` only when it filled an empty database itself; a copied template is
 * already full. For the desk this start is still the first run with the template's password, so the first
 * `ready` says so, and the first-run notice (and sign-in, when asked for) behave as after a real seeding.
 * Later starts of the same portal report what the server says.
 */
export function reportingFirstRun(launcher: ProcessLauncher): ProcessLauncher {
  let first = true
  return {
    launch(env) {
      const child = launcher.launch(env)
      const firstRun = first
      first = false
      return {
        ...child,
        onMessage: (listener) =>
          child.onMessage((message) => {
            const ready = firstRun && typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready'
            listener(ready ? { ...message, seeded: true } : message)
          })
      }
    }
  }
}
