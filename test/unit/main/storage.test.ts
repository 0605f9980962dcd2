import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronKeyValueStore } from '../../../src/main/storage/electron-key-value-store'
import { UnreadableStoreError } from '../../../src/main/storage/key-value-store'
import { createJsonFileStore } from '../../browser-host/stand-ins/json-file-store'

// electron-store needs a running Electron; underneath it is `conf`, which runs anywhere. The adapter's
// own logic (file mode, corrupt file set aside) is tested over conf with the same options.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  return {
    default: class ElectronStoreOverConf extends Conf<Record<string, unknown>> {
      constructor(options: { name: string; cwd: string; configFileMode: number; clearInvalidConfig: boolean }) {
        super({ configName: options.name, cwd: options.cwd, configFileMode: options.configFileMode, clearInvalidConfig: options.clearInvalidConfig })
      }
    }
  }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portaldesk-store-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const stores = {
  'electron-store adapter': (directory: string) => createElectronKeyValueStore({ name: 'connections', directory, now: () => 1 }),
  'JSON file stand-in': (directory: string) => createJsonFileStore(join(directory, 'connections.json'), () => 1)
}

describe.each(Object.entries(stores))('%s', (_label, open) => {
  it('round-trips values in an owner-only file', async () => {
    const store = open(dir)
    expect(store.get('connections')).toBeUndefined()
    store.set('connections', { profiles: [], activeId: null })
    store.set('other', 1)
    expect(open(dir).get('connections')).toEqual({ profiles: [], activeId: null })
    expect((await stat(join(dir, 'connections.json'))).mode & 0o777).toBe(0o600)
    store.delete('other')
    expect(open(dir).get('other')).toBeUndefined()
  })

  it('reports a corrupt file on read, then sets it aside on the next write', async () => {
    await writeFile(join(dir, 'connections.json'), '{ not json', { mode: 0o600 })
    const store = open(dir)
    expect(() => store.get('connections')).toThrow(UnreadableStoreError)
    store.set('connections', { profiles: [], activeId: null })
    expect(store.get('connections')).toEqual({ profiles: [], activeId: null })
    const files = await readdir(dir)
    const aside = files.find((name) => name.includes('corrupt'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe('{ not json')
  })
})
