import { renameSync } from 'node:fs'
import { join } from 'node:path'
import Store from 'electron-store'
import { UnreadableStoreError, type KeyValueStore } from './key-value-store'

/**
 * KeyValueStore over electron-store (atomic writes), readable by the desk's user only. A corrupt file
 * makes electron-store throw; reads then report it, and the next write moves the file aside as
 * `<name>.corrupt-<time>.json` and starts a clean one.
 */
export function createElectronKeyValueStore(options: { name: string; directory: string; now?: () => number }): KeyValueStore {
  const open = () => new Store<Record<string, unknown>>({ name: options.name, cwd: options.directory, configFileMode: 0o600, clearInvalidConfig: false })
  let store: Store<Record<string, unknown>> | null = null
  let failure: unknown = null
  try {
    store = open()
  } catch (error) {
    failure = error
  }

  const writable = (): Store<Record<string, unknown>> => {
    if (store) return store
    const path = join(options.directory, `${options.name}.json`)
    try {
      renameSync(path, join(options.directory, `${options.name}.corrupt-${(options.now ?? Date.now)()}.json`))
    } catch {
      // Nothing to keep aside: the file vanished meanwhile.
    }
    store = open()
    failure = null
    return store
  }

  // A file corrupted while the desk runs fails the write; set it aside once and write a clean one.
  const withRecovery = (write: (target: Store<Record<string, unknown>>) => void): void => {
    try {
      write(writable())
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      store = null
      write(writable())
    }
  }

  return {
    get(key) {
      if (!store) throw new UnreadableStoreError(`${options.name}.json`, { cause: failure })
      try {
        return store.get(key)
      } catch (error) {
        throw new UnreadableStoreError(`${options.name}.json`, { cause: error })
      }
    },
    set(key, value) {
      withRecovery((target) => target.set(key, value))
    },
    delete(key) {
      withRecovery((target) => target.delete(key))
    }
  }
}
