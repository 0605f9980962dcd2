import { open, readFile, rm } from 'node:fs/promises'

/**
 * PGlite has no guard against a second process opening the same files, which would corrupt them.
 * A lock file holding the owner's pid makes the second process stop with a clear message instead;
 * a lock left by a process that no longer runs is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number
  ) {
    super(`The PGlite database in ${directory} is in use by another process (pid ${pid}). Stop it first, or use another DATA_DIR.`)
    this.name = 'DataDirInUseError'
  }
}

export interface DataDirLock {
  release(): Promise<void>
}

/** Locks `directory` with a sibling file `<directory>.lock` (PGlite wants its own folder untouched). */
export async function lockDataDir(directory: string): Promise<DataDirLock> {
  const path = `${directory}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return { release: () => rm(path, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10)
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) throw new DataDirInUseError(directory, owner)
      await rm(path, { force: true })
    }
  }
  throw new Error(`Could not lock ${directory}.`)
}

/** Whether a process with this id exists (ours or another user's). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
