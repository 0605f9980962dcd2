/**
 * A small persisted document of named values. In Electron it is electron-store; in the browser host
 * and in tests, a JSON file written atomically. Values are untrusted on the way back: callers parse
 * them with zod.
 */
export interface KeyValueStore {
  /** The stored value, undefined when absent. Throws UnreadableStoreError when the file is corrupt. */
  get(key: string): unknown
  /** Writes the value; on a corrupt file this starts a fresh document (the old one is kept aside). */
  set(key: string, value: unknown): void
  delete(key: string): void
}

export class UnreadableStoreError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} could not be read`, options)
    this.name = 'UnreadableStoreError'
  }
}
