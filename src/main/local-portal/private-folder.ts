import { chmod, mkdir, stat } from 'node:fs/promises'
import type { Logger } from '../log'

const ownerOnly = 0o700

/**
 * The embedded portal's folder (<userData>/portal) holds its database: password hashes, TOTP
 * secrets, emails with live reset links. The desk creates it for its own OS user only, and takes
 * back a folder that an older version left open to others. The server process keeps the files
 * inside private itself (umask 077).
 */
export async function preparePrivateFolder(path: string, log: Logger): Promise<void> {
  await mkdir(path, { recursive: true, mode: ownerOnly })
  const mode = (await stat(path)).mode & 0o777
  if ((mode & 0o077) === 0) return
  log.warn(`the embedded portal's data folder ${path} could be opened by other users (mode ${mode.toString(8).padStart(4, '0')}); it is now private (0700)`)
  await chmod(path, ownerOnly)
}
