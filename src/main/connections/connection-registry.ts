import { randomUUID } from 'node:crypto'
import {
  connectionsFile,
  mayConnect,
  unencryptedNotAllowedMessage,
  unencryptedNotAllowedReason,
  emptyConnectionsFile,
  newRemoteConnection,
  type ConnectionProfile,
  type ConnectionsFile,
  type NewRemoteConnection
} from '../../shared/connections'
import { DeskError } from '../../shared/errors'
import { parseOrThrow, toFieldIssues } from '../validation'
import { describeError, type Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'

const storeKey = 'connections'

/**
 * Refuses to talk to a profile that would send passwords in clear text across a network without
 * the operator's choice: a profile saved before the choice existed loads, but is not connected to.
 */
export function assertMayConnect(profile: ConnectionProfile): void {
  if (mayConnect(profile)) return
  throw new DeskError('VALIDATION', unencryptedNotAllowedMessage, [
    { path: 'allowUnencrypted', message: unencryptedNotAllowedMessage, reason: unencryptedNotAllowedReason }
  ])
}
export const embeddedConnectionName = 'Local portal'

/**
 * The operator's named portal connections, kept in a KeyValueStore and checked with zod on every
 * load. An unreadable or invalid file never stops the desk: it gets a clean default and `wasReset`.
 */
export class ConnectionRegistry {
  #file: ConnectionsFile
  readonly wasReset: boolean
  readonly #store: KeyValueStore
  readonly #newId: () => string
  readonly #log: Logger

  private constructor(store: KeyValueStore, log: Logger, file: ConnectionsFile, wasReset: boolean, newId: () => string) {
    this.#store = store
    this.#log = log
    this.#file = file
    this.wasReset = wasReset
    this.#newId = newId
  }

  static load(store: KeyValueStore, log: Logger, newId: () => string = randomUUID): ConnectionRegistry {
    let raw: unknown
    try {
      raw = store.get(storeKey)
    } catch (error) {
      log.warn(`the saved connections could not be read and were reset: ${describeError(error)}`)
      return ConnectionRegistry.#reset(store, log, newId)
    }
    if (raw === undefined) return new ConnectionRegistry(store, log, structuredClone(emptyConnectionsFile), false, newId)
    const parsed = connectionsFile.safeParse(raw)
    if (!parsed.success) {
      log.warn(`the saved connections were invalid and were reset (at ${toFieldIssues(parsed.error).map((i) => i.path || '(root)').join(', ')})`)
      return ConnectionRegistry.#reset(store, log, newId)
    }
    const file = parsed.data
    const activeExists = file.profiles.some((p) => p.id === file.activeId)
    return new ConnectionRegistry(store, log, { ...file, activeId: activeExists ? file.activeId : (file.profiles[0]?.id ?? null) }, false, newId)
  }

  static #reset(store: KeyValueStore, log: Logger, newId: () => string): ConnectionRegistry {
    const registry = new ConnectionRegistry(store, log, structuredClone(emptyConnectionsFile), true, newId)
    try {
      registry.#save()
    } catch (error) {
      log.error(`the connections file could not be rewritten: ${describeError(error)}`)
    }
    return registry
  }

  list(): ConnectionProfile[] {
    return structuredClone(this.#file.profiles)
  }

  activeId(): string | null {
    return this.#file.activeId
  }

  active(): ConnectionProfile | null {
    return this.find(this.#file.activeId)
  }

  find(id: string | null): ConnectionProfile | null {
    return structuredClone(this.#file.profiles.find((p) => p.id === id) ?? null)
  }

  embedded(): ConnectionProfile | null {
    return structuredClone(this.#file.profiles.find((p) => p.kind === 'embedded') ?? null)
  }

  addRemote(input: NewRemoteConnection): ConnectionProfile {
    const { name, url, colour, allowUnencrypted } = parseOrThrow(newRemoteConnection, input)
    if (this.#file.profiles.length >= 100) throw new DeskError('VALIDATION', undefined, [{ path: 'name', message: 'There can be at most 100 connections.' }])
    // Without a chosen colour the profile shows in the default one (`colourOf`), like profiles saved before colours.
    const profile: ConnectionProfile = {
      id: this.#newId(),
      kind: 'remote',
      name,
      url,
      ...(colour ? { colour } : {}),
      ...(allowUnencrypted ? { allowUnencrypted: true } : {})
    }
    this.#update({ ...this.#file, profiles: [...this.#file.profiles, profile] })
    return structuredClone(profile)
  }

  /** The one embedded profile, created (and made active when nothing is) on first use. */
  ensureEmbedded(name = embeddedConnectionName): ConnectionProfile {
    const existing = this.embedded()
    if (existing) return existing
    const profile: ConnectionProfile = { id: this.#newId(), kind: 'embedded', name }
    this.#update({ profiles: [...this.#file.profiles, profile], activeId: this.#file.activeId ?? profile.id })
    return structuredClone(profile)
  }

  remove(id: string): ConnectionProfile {
    const profile = this.find(id)
    if (!profile) throw new DeskError('NOT_FOUND', 'This connection does not exist.')
    const profiles = this.#file.profiles.filter((p) => p.id !== id)
    const activeId = this.#file.activeId === id ? (profiles[0]?.id ?? null) : this.#file.activeId
    this.#update({ profiles, activeId })
    return profile
  }

  select(id: string): ConnectionProfile {
    const profile = this.find(id)
    if (!profile) throw new DeskError('NOT_FOUND', 'This connection does not exist.')
    this.#update({ ...this.#file, activeId: id })
    return profile
  }

  // A failed write rolls memory back, so memory and disk keep agreeing.
  #update(next: ConnectionsFile): void {
    const previous = this.#file
    this.#file = next
    try {
      this.#save()
    } catch (error) {
      this.#file = previous
      this.#log.error(`the connections could not be saved: ${describeError(error)}`)
      throw new DeskError('INTERNAL', 'The connections could not be saved.')
    }
  }

  #save(): void {
    this.#store.set(storeKey, this.#file)
  }
}
