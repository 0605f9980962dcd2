import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Copies a cleanly closed PGlite folder (a stopped PostgreSQL cluster, safe to copy file by file) to `to`,
 * which must not exist. On Linux coreutils copies its ~1,100 small files several times faster than
 * fs.cp walking them in JS, and keeps the owner-only modes.
 */
export async function copyStoppedCluster(from: string, to: string): Promise<void> {
  if (existsSync(to)) throw new Error(`${to} already exists: a copied cluster needs a folder of its own.`)
  if (process.platform === 'linux') await run('cp', ['-a', '--reflink=auto', '--no-target-directory', from, to])
  else await cp(from, to, { recursive: true, errorOnExist: true, force: false })
}
