import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/**
 * The embedded database holds password hashes, TOTP secrets and unsent emails with live reset
 * links: no other user of the machine may read it. Folders are 0700 and files 0600.
 */
export const privateDirectoryMode = 0o700
export const privateFileMode = 0o600
const groupAndOtherBits = 0o077

/** Whatever this process creates from now on is its user's alone (umask 077). */
export function keepNewFilesPrivate(): void {
  process.umask(groupAndOtherBits)
}

/**
 * Creates DATA_DIR as 0700 (with any missing parents) and returns a warning naming it when it
 * already existed open to the group or to others. The folder itself is left as the operator made
 * it (it may be a mount point or a folder they share on purpose); what the server keeps inside
 * it is made private by `restrictToOwner`.
 */
export async function prepareDataDir(dataDir: string): Promise<string[]> {
  keepNewFilesPrivate()
  const path = resolve(dataDir)
  await mkdir(path, { recursive: true, mode: privateDirectoryMode })
  const mode = (await stat(path)).mode & 0o777
  if ((mode & groupAndOtherBits) === 0) return []
  return [
    `The data folder ${path} can be opened by other users of this computer (mode ${mode.toString(8).padStart(4, '0')}). ` +
      `The database inside it is kept private, but consider: chmod 700 ${path}`
  ]
}

/**
 * Takes group and other permissions away from a folder tree the server owns (the PGlite files).
 * PGlite unpacks a new cluster with 0666 files whatever the umask, and an older version of the
 * server left its files that way too. Symbolic links are not followed.
 */
export async function restrictToOwner(directory: string): Promise<void> {
  const info = await lstat(directory).catch((error: NodeJS.ErrnoException) => {
    // A file the running engine removed meanwhile needs nothing.
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (!info || info.isSymbolicLink()) return
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== privateDirectoryMode) await chmod(directory, privateDirectoryMode)
    for (const entry of await readdir(directory)) await restrictToOwner(join(directory, entry))
  } else if ((info.mode & groupAndOtherBits) !== 0) {
    await chmod(directory, info.mode & 0o777 & ~groupAndOtherBits)
  }
}
