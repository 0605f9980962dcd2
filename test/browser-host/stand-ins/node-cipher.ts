import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Cipher } from '../../../src/main/vault/cipher'

/**
 * The browser host's stand-in for safeStorage: AES-256-GCM under a key that lives for one run, so a
 * blob from an earlier run fails to decrypt exactly like one from another machine would.
 * `simulate: 'basic_text'` reports the Linux no-keyring backend.
 */
export function createNodeCipher(options: { simulate?: 'basic_text' } = {}): Cipher {
  const key = randomBytes(32)
  return {
    isAvailable: async () => true,
    backend: () => options.simulate ?? 'node-test',
    encrypt: async (text) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt: async (bytes) => {
      const blob = Buffer.from(bytes)
      if (blob.length < 28) throw new Error('The blob is too short to be ours.')
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
      decipher.setAuthTag(blob.subarray(12, 28))
      const text = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8')
      return { text, shouldReEncrypt: false }
    }
  }
}
