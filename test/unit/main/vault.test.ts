import { describe, expect, it } from 'vitest'
import { Vault } from '../../../src/main/vault/vault'
import { fakeCipher, memoryStore, recordingLogger } from './support/fakes'

const token = 'tok_0123456789abcdef0123456789abcdef0123456789ab'

describe('Vault with OS encryption', () => {
  it('persists the token encrypted and reads it back in a later run', async () => {
    const store = memoryStore()
    const cipher = fakeCipher()
    const vault = await Vault.open(cipher, store, recordingLogger())
    expect(vault.status()).toEqual({ persistent: true, backend: 'gnome_libsecret' })
    await vault.setToken('c1', token)
    expect(JSON.stringify(store.data)).not.toContain(token)
    expect(cipher.encrypted).toEqual([token])

    const nextRun = await Vault.open(fakeCipher(), store, recordingLogger())
    expect(await nextRun.getToken('c1')).toBe(token)
    expect(await nextRun.getToken('c2')).toBeNull()
  })

  it('forgets a token in memory and on disk', async () => {
    const store = memoryStore()
    const vault = await Vault.open(fakeCipher(), store, recordingLogger())
    await vault.setToken('c1', token)
    vault.forget('c1')
    expect(await vault.getToken('c1')).toBeNull()
    expect(await (await Vault.open(fakeCipher(), store, recordingLogger())).getToken('c1')).toBeNull()
  })

  it('drops a blob that fails to decrypt instead of crashing, and logs no secret', async () => {
    const store = memoryStore()
    await (await Vault.open(fakeCipher(), store, recordingLogger())).setToken('c1', token)
    const log = recordingLogger()
    const vault = await Vault.open(fakeCipher({ failDecrypt: true }), store, log)
    expect(await vault.getToken('c1')).toBeNull()
    expect(store.data.tokens).toEqual({})
    expect(log.lines.some((line) => line.includes('could not be decrypted'))).toBe(true)
    expect(log.lines.join('\n')).not.toContain(token)
  })

  it('re-encrypts when the OS says the key was rotated', async () => {
    const store = memoryStore()
    await (await Vault.open(fakeCipher(), store, recordingLogger())).setToken('c1', token)
    const rotated = fakeCipher({ reEncrypt: true })
    expect(await (await Vault.open(rotated, store, recordingLogger())).getToken('c1')).toBe(token)
    expect(rotated.encrypted).toEqual([token])
  })

  it('ignores a store that holds garbage', async () => {
    const vault = await Vault.open(fakeCipher(), memoryStore({ tokens: { c1: 42 } }), recordingLogger())
    expect(await vault.getToken('c1')).toBeNull()
    const corrupt = await Vault.open(fakeCipher(), memoryStore({}, { corrupt: true }), recordingLogger())
    expect(await corrupt.getToken('c1')).toBeNull()
    await corrupt.setToken('c1', token)
    expect(await corrupt.getToken('c1')).toBe(token)
  })
})

describe('Vault device tokens', () => {
  const device = 'dev_0123456789abcdef0123456789abcdef0123456789'

  it('keeps one per connection and login, encrypted, through a sign-out and a restart', async () => {
    const store = memoryStore()
    const vault = await Vault.open(fakeCipher(), store, recordingLogger())
    await vault.setToken('c1', token)
    await vault.setDeviceToken('c1', 'Admin', device)
    expect(JSON.stringify(store.data)).not.toContain(device)
    vault.forget('c1')
    const nextRun = await Vault.open(fakeCipher(), store, recordingLogger())
    expect(await nextRun.getToken('c1')).toBeNull()
    expect(await nextRun.getDeviceToken('c1', ' admin ')).toBe(device)
    expect(await nextRun.getDeviceToken('c1', 'support')).toBeNull()
    expect(await nextRun.getDeviceToken('c2', 'admin')).toBeNull()
  })

  it('forgets the device tokens of one connection only, in memory and on disk', async () => {
    const store = memoryStore()
    const vault = await Vault.open(fakeCipher(), store, recordingLogger())
    await vault.setDeviceToken('c1', 'admin', device)
    await vault.setDeviceToken('c1', 'support', `${device}2`)
    await vault.setDeviceToken('c10', 'admin', `${device}3`)
    vault.forgetDevices('c1')
    expect(await vault.getDeviceToken('c1', 'admin')).toBeNull()
    expect(await vault.getDeviceToken('c1', 'support')).toBeNull()
    const nextRun = await Vault.open(fakeCipher(), store, recordingLogger())
    expect(await nextRun.getDeviceToken('c1', 'admin')).toBeNull()
    expect(await nextRun.getDeviceToken('c10', 'admin')).toBe(`${device}3`)
  })

  it('keeps them in memory only without OS encryption', async () => {
    const store = memoryStore()
    const vault = await Vault.open(fakeCipher({ backend: 'basic_text' }), store, recordingLogger())
    await vault.setDeviceToken('c1', 'admin', device)
    expect(await vault.getDeviceToken('c1', 'admin')).toBe(device)
    expect(store.data.deviceTokens).toBeUndefined()
  })
})

describe('Vault without OS encryption', () => {
  for (const [label, cipher] of [
    ['basic_text backend (Linux without a keyring)', fakeCipher({ backend: 'basic_text' })],
    ['encryption unavailable', fakeCipher({ available: false })]
  ] as const) {
    it(`keeps secrets in memory only: ${label}`, async () => {
      const store = memoryStore()
      const vault = await Vault.open(cipher, store, recordingLogger())
      expect(vault.status().persistent).toBe(false)
      await vault.setToken('c1', token)
      expect(await vault.getToken('c1')).toBe(token)
      expect(store.data).toEqual({})
      expect(cipher.encrypted).toEqual([])
      expect(await (await Vault.open(cipher, store, recordingLogger())).getToken('c1')).toBeNull()
    })
  }

  it('does not read blobs persisted under a stronger backend earlier', async () => {
    const store = memoryStore()
    await (await Vault.open(fakeCipher(), store, recordingLogger())).setToken('c1', token)
    const weak = await Vault.open(fakeCipher({ backend: 'basic_text' }), store, recordingLogger())
    expect(await weak.getToken('c1')).toBeNull()
  })
})
