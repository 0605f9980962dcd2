import { z } from 'zod'
import { describeError, type Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'
import { unsafeBackends, type Cipher } from './cipher'

/** Where each kind of secret is stored: sign-in tokens per connection, device tokens per connection and login. */
type Shelf = 'tokens' | 'deviceTokens'
const storedTokens = z.record(z.string(), z.base64())

export interface VaultStatus {
  /** false when secrets live in memory only (no OS encryption); the UI says so. */
  persistent: boolean
  backend: string
}

/** A device token belongs to one login on one connection; logins are compared as the server does. */
function deviceKey(connectionId: string, login: string): string {
  return `${connectionId}/${login.trim().toLowerCase()}`
}

/**
 * Holds one portal token per connection id, and the device tokens the portal gave each login on it
 * (with one, an operator's right password works while their account is locked for unknown devices).
 * Secrets stay in main: no method of the desk's IPC surface returns one. With real OS encryption they
 * are persisted encrypted; otherwise only kept in memory.
 */
export class Vault {
  readonly #memory: Record<Shelf, Map<string, string>> = { tokens: new Map(), deviceTokens: new Map() }
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

  getToken(connectionId: string): Promise<string | null> {
    return this.#get('tokens', connectionId)
  }

  setToken(connectionId: string, token: string): Promise<void> {
    return this.#set('tokens', connectionId, token)
  }

  /** Forgets the connection's sign-in token (sign-out); its device tokens stay, as a browser keeps a device cookie. */
  forget(connectionId: string): void {
    this.#remove('tokens', [connectionId])
  }

  getDeviceToken(connectionId: string, login: string): Promise<string | null> {
    return this.#get('deviceTokens', deviceKey(connectionId, login))
  }

  setDeviceToken(connectionId: string, login: string, token: string): Promise<void> {
    return this.#set('deviceTokens', deviceKey(connectionId, login), token)
  }

  /** Forgets every device token of a connection (when the connection is removed). */
  forgetDevices(connectionId: string): void {
    const prefix = deviceKey(connectionId, '')
    const keys = new Set([...this.#memory.deviceTokens.keys()].filter((key) => key.startsWith(prefix)))
    if (this.#status.persistent) for (const key of Object.keys(this.#readBlobs('deviceTokens'))) if (key.startsWith(prefix)) keys.add(key)
    this.#remove('deviceTokens', [...keys])
  }

  async #get(shelf: Shelf, key: string): Promise<string | null> {
    const remembered = this.#memory[shelf].get(key)
    if (remembered !== undefined) return remembered
    if (!this.#status.persistent) return null
    const blob = this.#readBlobs(shelf)[key]
    if (blob === undefined) return null
    try {
      const { text, shouldReEncrypt } = await this.#cipher.decrypt(Buffer.from(blob, 'base64'))
      this.#memory[shelf].set(key, text)
      if (shouldReEncrypt) await this.#persist(shelf, key, text)
      return text
    } catch (error) {
      // A blob from another machine, user or key: useless, so drop it; the operator signs in again.
      this.#log.warn(`a stored secret could not be decrypted and was dropped: ${describeError(error)}`)
      this.#removeBlobs(shelf, [key])
      return null
    }
  }

  async #set(shelf: Shelf, key: string, secret: string): Promise<void> {
    this.#memory[shelf].set(key, secret)
    if (this.#status.persistent) await this.#persist(shelf, key, secret)
  }

  #remove(shelf: Shelf, keys: readonly string[]): void {
    for (const key of keys) this.#memory[shelf].delete(key)
    if (this.#status.persistent) this.#removeBlobs(shelf, keys)
  }

  async #persist(shelf: Shelf, key: string, secret: string): Promise<void> {
    try {
      const bytes = await this.#cipher.encrypt(secret)
      this.#writeBlobs(shelf, { ...this.#readBlobs(shelf), [key]: Buffer.from(bytes).toString('base64') })
    } catch (error) {
      // The secret still works for this run; it just will not survive a restart.
      this.#log.warn(`a secret could not be stored encrypted and is kept in memory only: ${describeError(error)}`)
    }
  }

  #readBlobs(shelf: Shelf): Record<string, string> {
    try {
      const parsed = storedTokens.safeParse(this.#store.get(shelf) ?? {})
      if (parsed.success) return parsed.data
      this.#log.warn(`the stored ${shelf} were not in the expected shape and were ignored`)
    } catch (error) {
      this.#log.warn(`the stored ${shelf} could not be read: ${describeError(error)}`)
    }
    return {}
  }

  #writeBlobs(shelf: Shelf, blobs: Record<string, string>): void {
    this.#store.set(shelf, blobs)
  }

  #removeBlobs(shelf: Shelf, keys: readonly string[]): void {
    const blobs = this.#readBlobs(shelf)
    const present = keys.filter((key) => key in blobs)
    if (present.length === 0) return
    for (const key of present) delete blobs[key]
    try {
      this.#writeBlobs(shelf, blobs)
    } catch (error) {
      this.#log.warn(`a stored secret could not be removed: ${describeError(error)}`)
    }
  }
}
