import type { Logger } from '../../../../src/main/log'
import type { Cipher } from '../../../../src/main/vault/cipher'
import type { KeyValueStore } from '../../../../src/main/storage/key-value-store'
import { UnreadableStoreError } from '../../../../src/main/storage/key-value-store'

/** A logger that keeps its lines so tests can assert that no secret was written. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => void lines.push(`info ${message}`),
    warn: (message) => void lines.push(`warn ${message}`),
    error: (message) => void lines.push(`error ${message}`)
  }
}

export function memoryStore(initial: Record<string, unknown> = {}, options: { corrupt?: boolean } = {}): KeyValueStore & { data: Record<string, unknown> } {
  let corrupt = options.corrupt ?? false
  const data = structuredClone(initial)
  return {
    data,
    get: (key) => {
      if (corrupt) throw new UnreadableStoreError('memory store')
      return structuredClone(data[key])
    },
    set: (key, value) => {
      corrupt = false
      data[key] = structuredClone(value)
    },
    delete: (key) => {
      corrupt = false
      delete data[key]
    }
  }
}

/** A reversible "cipher" whose blobs show whether they were encrypted, with switches for failure. */
export function fakeCipher(options: { backend?: string; available?: boolean; failDecrypt?: boolean; reEncrypt?: boolean } = {}): Cipher & { encrypted: string[] } {
  const encrypted: string[] = []
  return {
    encrypted,
    isAvailable: async () => options.available ?? true,
    backend: () => options.backend ?? 'gnome_libsecret',
    encrypt: async (text) => {
      encrypted.push(text)
      return new TextEncoder().encode(`enc:${[...text].reverse().join('')}`)
    },
    decrypt: async (bytes) => {
      if (options.failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      const text = new TextDecoder().decode(bytes)
      if (!text.startsWith('enc:')) throw new Error('not ours')
      return { text: [...text.slice(4)].reverse().join(''), shouldReEncrypt: options.reEncrypt ?? false }
    }
  }
}
