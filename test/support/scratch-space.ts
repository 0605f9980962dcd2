import { chmodSync, lstatSync, mkdirSync, statfsSync } from 'node:fs'
import { join } from 'node:path'

/** Linux's shared-memory tmpfs, present on nearly every distribution. */
const memoryFolder = '/dev/shm'
/** A run's databases, templates and data folders peak well under this; a smaller tmpfs (Docker gives 64 MiB) is left alone. */
const neededBytes = 4 * 1024 ** 3
/** statfs's f_type of a tmpfs. */
const tmpfsMagic = 0x01021994

/**
 * Points the test run's temporary folder (os.tmpdir(), inherited by every worker and server it starts)
 * at a roomy tmpfs when the machine has one and the operator has not chosen a folder. The suites copy
 * PGlite folders of about a thousand small files for nearly every test: in memory that costs a fraction
 * of what a journaled disk does. The folder is this OS user's own inside the shared tmpfs, 0711 like a
 * home folder: no other user can list it or plant a link in it, and each test's own folders in it are
 * 0700 (mkdtemp), while a test that lets another user in on purpose (data-at-rest's control file) still can.
 * Returns the folder chosen, or null when TMPDIR stays as it was.
 */
export function preferMemoryTmpdir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (process.platform !== 'linux' || (env.TMPDIR ?? '') !== '') return null
  try {
    const space = statfsSync(memoryFolder)
    if (space.type !== tmpfsMagic || space.bavail * space.bsize < neededBytes) return null
    const uid = process.getuid?.() ?? -1
    const folder = join(memoryFolder, `portaldesk-tests-${uid}`)
    mkdirSync(folder, { recursive: true })
    const own = lstatSync(folder)
    if (!own.isDirectory() || own.uid !== uid) return null
    chmodSync(folder, 0o711)
    env.TMPDIR = folder
    return folder
  } catch {
    return null
  }
}
