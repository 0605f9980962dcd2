import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { UnreadableStoreError, type KeyValueStore } from '../../../src/main/storage/key-value-store'

/**
 * The Node stand-in for electron-store: one JSON document per file, written to a temporary file and
 * renamed over the old one (atomic on POSIX), readable by the owner only (0o600).
 */
export function createJsonFileStore(path: string, now: () => number = Date.now): KeyValueStore {
  const read = (): Record<string, unknown> => {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw new UnreadableStoreError(path, { cause: error })
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new UnreadableStoreError(path, { cause: error })
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnreadableStoreError(path)
    return value as Record<string, unknown>
  }

  const write = (document: Record<string, unknown>): void => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`)
    writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 })
    renameSync(temporary, path)
  }

  // A corrupt document is moved aside, not overwritten, so nothing is lost for good.
  const readForUpdate = (): Record<string, unknown> => {
    try {
      return read()
    } catch {
      try {
        renameSync(path, `${path}.corrupt-${now()}`)
      } catch {
        // Gone meanwhile.
      }
      return {}
    }
  }

  return {
    get: (key) => read()[key],
    set: (key, value) => write({ ...readForUpdate(), [key]: value }),
    delete: (key) => {
      const document = readForUpdate()
      delete document[key]
      write(document)
    }
  }
}
