import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron binary, or null where it could not be downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
 * require('electron') would try to fetch a missing binary, so read the path it would return:
 * node_modules/electron/path.txt names the executable inside dist/.
 */
export function electronExecutable(): string | null {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const path = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim())
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}
