/**
 * What the Vault needs from the operating system's secret storage. In Electron it is safeStorage's
 * async API (see safe-storage-cipher.ts); in the browser host, AES-256-GCM with a per-run key.
 */
export interface Cipher {
  isAvailable(): Promise<boolean>
  /** `basic_text` on Linux without a keyring means "no real encryption". Ask after isAvailable(). */
  backend(): string
  encrypt(text: string): Promise<Uint8Array>
  /** `shouldReEncrypt`: the key was rotated or a better one is available; store a fresh blob. */
  decrypt(bytes: Uint8Array): Promise<{ text: string; shouldReEncrypt: boolean }>
}

/** Backends under which a "encrypted" blob is as good as plain text on disk. */
export const unsafeBackends: ReadonlySet<string> = new Set(['basic_text', 'unknown'])
