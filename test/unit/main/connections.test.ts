import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assertMayConnect, ConnectionRegistry } from '../../../src/main/connections/connection-registry'
import { colourOf, type ConnectionProfile } from '../../../src/shared/connections'
import { createJsonFileStore } from '../../browser-host/stand-ins/json-file-store'
import { recordingLogger } from './support/fakes'

let dir: string
let file: string
let ids: number
const nextId = () => `id-${++ids}`

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portaldesk-connections-'))
  file = join(dir, 'connections.json')
  ids = 0
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const load = () => ConnectionRegistry.load(createJsonFileStore(file), recordingLogger(), nextId)

describe('ConnectionRegistry', () => {
  it('starts empty without a file and persists what is added, with mode 0o600', async () => {
    const registry = load()
    expect(registry.list()).toEqual([])
    expect(registry.wasReset).toBe(false)
    const local = registry.ensureEmbedded()
    const remote = registry.addRemote({ name: ' Production ', url: 'https://portal.example.com/' })
    expect(remote).toEqual({ id: 'id-2', kind: 'remote', name: 'Production', url: 'https://portal.example.com' })
    expect(registry.activeId()).toBe(local.id)
    expect((await stat(file)).mode & 0o777).toBe(0o600)

    const reloaded = load()
    expect(reloaded.list()).toEqual([local, remote])
    expect(reloaded.activeId()).toBe(local.id)
  })

  it('creates the embedded profile only once', () => {
    const registry = load()
    expect(registry.ensureEmbedded().id).toBe(registry.ensureEmbedded().id)
    expect(registry.list()).toHaveLength(1)
  })

  it.each([
    ['not a URL', 'portal.example.com'],
    ['another scheme', 'ftp://portal.example.com'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials in the URL', 'https://admin:secret@portal.example.com'],
    ['empty', '   ']
  ])('rejects a bad URL (%s) and leaves the file untouched', async (_label, url) => {
    const registry = load()
    registry.addRemote({ name: 'Good', url: 'https://good.example.com' })
    const before = await readFile(file, 'utf8')
    expect(() => registry.addRemote({ name: 'Bad', url })).toThrowError(expect.objectContaining({ code: 'VALIDATION', details: expect.arrayContaining([expect.objectContaining({ path: 'url' })]) }))
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(registry.list()).toHaveLength(1)
  })

  it('rejects an empty name', () => {
    expect(() => load().addRemote({ name: '  ', url: 'https://x.example.com' })).toThrowError(expect.objectContaining({ code: 'VALIDATION' }))
  })

  it('gives a clean default and says so when the file is not JSON, keeping the broken file aside', async () => {
    await writeFile(file, '{"profiles": [', { mode: 0o600 })
    const registry = load()
    expect(registry.wasReset).toBe(true)
    expect(registry.list()).toEqual([])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ connections: { profiles: [], activeId: null } })
    expect((await readdir(dir)).some((name) => name.startsWith('connections.json.corrupt-'))).toBe(true)
  })

  it('gives a clean default when the JSON does not match the schema', async () => {
    await writeFile(file, JSON.stringify({ connections: { profiles: [{ id: 'x', kind: 'remote', name: 'Evil', url: 'file:///etc/passwd' }], activeId: 'x' } }))
    const registry = load()
    expect(registry.wasReset).toBe(true)
    expect(registry.list()).toEqual([])
  })

  it('repairs an active id that names no profile', async () => {
    await writeFile(file, JSON.stringify({ connections: { profiles: [{ id: 'a', kind: 'embedded', name: 'Local portal' }], activeId: 'gone' } }))
    const registry = load()
    expect(registry.wasReset).toBe(false)
    expect(registry.activeId()).toBe('a')
  })

  it('selects and removes, moving the selection to what remains', () => {
    const registry = load()
    const a = registry.ensureEmbedded()
    const b = registry.addRemote({ name: 'B', url: 'https://b.example.com' })
    registry.select(b.id)
    expect(registry.active()).toEqual(b)
    registry.remove(b.id)
    expect(registry.activeId()).toBe(a.id)
    registry.remove(a.id)
    expect(registry.activeId()).toBeNull()
    expect(() => registry.select('nope')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => registry.remove('nope')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('refuses an http:// address to another computer without the operator\'s choice, and keeps the choice when made', async () => {
    const registry = load()
    expect(() => registry.addRemote({ name: 'Staging', url: 'http://staging.example.com' })).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        details: [expect.objectContaining({ path: 'allowUnencrypted', reason: 'unencryptedNotAllowed' })]
      })
    )
    expect(registry.list()).toEqual([])
    const local = registry.addRemote({ name: 'Dev', url: 'http://localhost:3000' })
    expect(local).not.toHaveProperty('allowUnencrypted')
    const staging = registry.addRemote({ name: 'Staging', url: 'http://staging.example.com', allowUnencrypted: true })
    expect(staging).toMatchObject({ url: 'http://staging.example.com', allowUnencrypted: true })
    expect(load().find(staging.id)).toMatchObject({ allowUnencrypted: true })
  })

  it('loads an http:// profile saved before the choice existed, without resetting the file', async () => {
    await writeFile(file, JSON.stringify({ connections: { profiles: [{ id: 'old', kind: 'remote', name: 'Old', url: 'http://old.example.com' }], activeId: 'old' } }))
    const registry = load()
    expect(registry.wasReset).toBe(false)
    expect(registry.active()).toEqual({ id: 'old', kind: 'remote', name: 'Old', url: 'http://old.example.com' })
    expect(() => assertMayConnect(registry.active() as ConnectionProfile)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION', details: [expect.objectContaining({ reason: 'unencryptedNotAllowed' })] })
    )
  })

  it('keeps the colour chosen for a connection, across a reload', () => {
    const registry = load()
    const production = registry.addRemote({ name: 'Production', url: 'https://portal.example.com', colour: 'red' })
    const staging = registry.addRemote({ name: 'Staging', url: 'https://staging.example.com', colour: 'green' })
    expect(production.colour).toBe('red')
    expect(load().list().map(colourOf)).toEqual(['red', 'green'])
    expect(load().find(staging.id)?.colour).toBe('green')
  })

  it('refuses a colour outside the palette when adding, and leaves the file untouched', () => {
    const registry = load()
    expect(() => registry.addRemote({ name: 'Prod', url: 'https://p.example.com', colour: 'hotpink' as 'red' })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION', details: expect.arrayContaining([expect.objectContaining({ path: 'colour' })]) })
    )
    expect(registry.list()).toEqual([])
  })

  it('loads profiles saved before colours existed, and hand-edited unknown colours, in the default colour', async () => {
    await writeFile(
      file,
      JSON.stringify({
        connections: {
          profiles: [
            { id: 'a', kind: 'embedded', name: 'Local portal' },
            { id: 'b', kind: 'remote', name: 'Old', url: 'https://old.example.com' },
            { id: 'c', kind: 'remote', name: 'Edited', url: 'https://edited.example.com', colour: 'hotpink' },
            { id: 'd', kind: 'remote', name: 'Prod', url: 'https://prod.example.com', colour: 'red' }
          ],
          activeId: 'd'
        }
      })
    )
    const registry = load()
    expect(registry.wasReset).toBe(false)
    expect(registry.list().map(colourOf)).toEqual(['grey', 'grey', 'grey', 'red'])
    expect(registry.activeId()).toBe('d')
  })
})
