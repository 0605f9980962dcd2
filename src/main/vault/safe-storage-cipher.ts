import type { SafeStorage } from 'electron'
import type { Cipher } from './cipher'

/** The Vault's cipher over Electron's async safeStorage API (the sync one is removed in Electron 46). */
export function createSafeStorageCipher(safeStorage: SafeStorage, platform: NodeJS.Platform): Cipher {
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    // getSelectedStorageBackend exists on Linux only; macOS and Windows always use the OS store.
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi'),
    encrypt: async (text) => new Uint8Array(await safeStorage.encryptStringAsync(text)),
    decrypt: async (bytes) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(bytes))
      return { text: result, shouldReEncrypt }
    }
  }
}
