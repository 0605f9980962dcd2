import { z } from 'zod'
import { describeError, type Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'
import { unsafeBackends, type Cipher } from './cipher'

const storeKey = 'tokens'
const storedTokens = z.record(z.string(), z.base64())

export interface VaultStatus {
  /** false when secrets live in memory only (no OS encryption); the UI says so. */
  persistent: boolean
  backend: string
}

/**
 * Holds one portal token per connection id. Tokens stay in main: no method of the desk's IPC surface
 * returns one. With real OS encryption they are persisted encrypted; otherwise only kept in memory.
 */
export class Vault {
  readonly #memory = new Map<string, string>()
  readonly #cipher: Cipher
  readonly #store: KeyValueStore
  readonly #log: Logger
  readonly #status: VaultStatus

  private constructor(cipher: Cipher, store: KeyValueStore, log: Logger, status: VaultStatus) {
    this.#cipher = cipher
    this.#store = store
    this.#log = log
    this.#status = status
  }

  static async open(cipher: Cipher, store: KeyValueStore, log: Logger): Promise<Vault> {
    let available = false
    try {
      available = await cipher.isAvailable()
    } catch (error) {
      log.warn(`secret storage is unavailable: ${describeError(error)}`)
    }
    // Ask for the backend only now: the async encryptor settles on one during isAvailable().
    const backend = cipher.backend()
    const persistent = available && !unsafeBackends.has(backend)
    if (!persistent) log.warn(`no OS encryption (backend ${backend}): sign-ins are kept in memory only`)
    return new Vault(cipher, store, log, { persistent, backend })
  }

  status(): VaultStatus {
    return { ...this.#status }
  }

  async getToken(connectionId: string): Promise<string | null> {
    const remembered = this.#memory.get(connectionId)
    if (remembered !== undefined) return remembered
    if (!this.#status.persistent) return null
    const blob = this.#readBlobs()[connectionId]
    if (blob === undefined) return null
    try {
      const { text, shouldReEncrypt } = await this.#cipher.decrypt(Buffer.from(blob, 'base64'))
      this.#memory.set(connectionId, text)
      if (shouldReEncrypt) await this.#persist(connectionId, text)
      return text
    } catch (error) {
      // A blob from another machine, user or key: useless, so drop it; the operator signs in again.
      this.#log.warn(`a stored sign-in could not be decrypted and was dropped: ${describeError(error)}`)
      this.#removeBlob(connectionId)
      return null
    }
  }

  async setToken(connectionId: string, token: string): Promise<void> {
    this.#memory.set(connectionId, token)
    if (this.#status.persistent) await this.#persist(connectionId, token)
  }

  forget(connectionId: string): void {
    this.#memory.delete(connectionId)
    if (this.#status.persistent) this.#removeBlob(connectionId)
  }

  async #persist(connectionId: string, token: string): Promise<void> {
    try {
      const bytes = await this.#cipher.encrypt(token)
      this.#writeBlobs({ ...this.#readBlobs(), [connectionId]: Buffer.from(bytes).toString('base64') })
    } catch (error) {
      // The token still works for this run; it just will not survive a restart.
      this.#log.warn(`a sign-in could not be stored encrypted and is kept in memory only: ${describeError(error)}`)
    }
  }

  #readBlobs(): Record<string, string> {
    try {
      const parsed = storedTokens.safeParse(this.#store.get(storeKey) ?? {})
      if (parsed.success) return parsed.data
      this.#log.warn('the stored sign-ins were not in the expected shape and were ignored')
    } catch (error) {
      this.#log.warn(`the stored sign-ins could not be read: ${describeError(error)}`)
    }
    return {}
  }

  #writeBlobs(blobs: Record<string, string>): void {
    this.#store.set(storeKey, blobs)
  }

  #removeBlob(connectionId: string): void {
    const blobs = this.#readBlobs()
    if (!(connectionId in blobs)) return
    delete blobs[connectionId]
    try {
      this.#writeBlobs(blobs)
    } catch (error) {
      this.#log.warn(`a stored sign-in could not be removed: ${describeError(error)}`)
    }
  }
}
