import { createStore, type StoreApi } from 'zustand/vanilla'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'

/**
 * How the operator set up the users grid on one portal: rows per request, filters and visible
 * columns. Remembered per connection (each portal has its own companies and websites, so a company
 * filter means nothing on another one) in the same injected storage as the preferences.
 */

/** Every column of the users grid, in display order. */
export const userColumnKeys = ['name', 'login', 'email', 'phone', 'company', 'website', 'kind', 'twoFactor', 'lastSignIn'] as const
export type UserColumnKey = (typeof userColumnKeys)[number]
/** Without these a row says nothing about whom it is: the column chooser cannot hide them. */
export const fixedColumns: readonly UserColumnKey[] = ['name', 'login']
export const defaultColumns: readonly UserColumnKey[] = ['name', 'login', 'email', 'company', 'website', 'kind', 'lastSignIn']

/** Rows per `users:list` request; the API allows at most 200. */
export const pageSizes = [50, 100, 200] as const
export type PageSize = (typeof pageSizes)[number]
export const defaultPageSize: PageSize = 100

export const statusFilters = ['active', 'archived', 'all'] as const
export const twoFactorFilters = ['on', 'off'] as const
export const lockedFilters = ['true', 'false'] as const
export const signInFilters = ['never', 'dormant'] as const

/** A company or website picked as a filter: the id goes to the server, the name onto the chip. */
export interface NamedRecord {
  id: number
  name: string
}

/** The grid's filters beside kind and search; each maps to one `users:list` parameter. Absent: not filtered. */
export interface UserGridFilters {
  status?: (typeof statusFilters)[number]
  twoFactor?: (typeof twoFactorFilters)[number]
  locked?: (typeof lockedFilters)[number]
  signIn?: (typeof signInFilters)[number]
  company?: NamedRecord
  website?: NamedRecord
}
export type UserFilterKey = keyof UserGridFilters
export const userFilterKeys = ['status', 'twoFactor', 'locked', 'signIn', 'company', 'website'] as const satisfies readonly UserFilterKey[]

export interface GridSettings {
  pageSize: PageSize
  filters: UserGridFilters
  /** Visible columns, in display order; always includes the fixed ones. */
  columns: readonly UserColumnKey[]
}

export const defaultGridSettings: GridSettings = { pageSize: defaultPageSize, filters: {}, columns: defaultColumns }

function oneOf<T extends string | number>(options: readonly T[], value: unknown): T | undefined {
  return options.find((option) => option === value)
}

function namedRecord(value: unknown): NamedRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { id, name } = value as Record<string, unknown>
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) return undefined
  if (typeof name !== 'string' || name.length > 200) return undefined
  return { id, name }
}

/** Filters read back from storage, field by field: an unknown or damaged value is simply not a filter. */
export function parseFilters(value: unknown): UserGridFilters {
  const saved = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const filters: UserGridFilters = {}
  const status = oneOf(statusFilters, saved.status)
  const twoFactor = oneOf(twoFactorFilters, saved.twoFactor)
  const locked = oneOf(lockedFilters, saved.locked)
  const signIn = oneOf(signInFilters, saved.signIn)
  const company = namedRecord(saved.company)
  const website = namedRecord(saved.website)
  if (status) filters.status = status
  if (twoFactor) filters.twoFactor = twoFactor
  if (locked) filters.locked = locked
  if (signIn) filters.signIn = signIn
  if (company) filters.company = company
  if (website) filters.website = website
  return filters
}

/** Known columns only, each once, in display order, the fixed ones always in. */
export function normalizeColumns(value: unknown): readonly UserColumnKey[] {
  if (!Array.isArray(value)) return defaultColumns
  const wanted = new Set<unknown>([...value, ...fixedColumns])
  return userColumnKeys.filter((key) => wanted.has(key))
}

/** One connection's settings as read back from storage: anything unreadable falls back to the default. */
export function parseGridSettings(value: unknown): GridSettings {
  const saved = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  return {
    pageSize: oneOf(pageSizes, saved.pageSize) ?? defaultPageSize,
    filters: parseFilters(saved.filters),
    columns: normalizeColumns(saved.columns)
  }
}

export interface UserGridSettings {
  byConnection: Readonly<Record<string, GridSettings>>
  settingsFor: (connectionId: string) => GridSettings
  save: (connectionId: string, settings: GridSettings) => void
}

export const userGridSettingsStorageKey = 'portaldesk.userGrid'
/** Connection ids are short; more entries than this means something is writing garbage. */
const maxConnections = 50
/** As `connectionProfile` ids are; `__proto__` from a hand-edited file must not reach an object key. */
function isConnectionId(id: string): boolean {
  return id.length >= 1 && id.length <= 64 && id !== '__proto__'
}

export function createUserGridSettingsStore(options: { storage: StateStorage }): StoreApi<UserGridSettings> {
  return createStore<UserGridSettings>()(
    persist(
      (set, get) => ({
        byConnection: {},
        settingsFor: (connectionId) => get().byConnection[connectionId] ?? defaultGridSettings,
        save: (connectionId, settings) => set({ byConnection: { ...get().byConnection, [connectionId]: settings } })
      }),
      {
        name: userGridSettingsStorageKey,
        version: 1,
        storage: createJSONStorage(() => options.storage),
        partialize: (state) => ({ byConnection: state.byConnection }),
        merge: (persisted, current) => {
          const saved = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>).byConnection : undefined
          const byConnection: Record<string, GridSettings> = {}
          if (typeof saved === 'object' && saved !== null && !Array.isArray(saved)) {
            for (const [id, settings] of Object.entries(saved).slice(0, maxConnections)) {
              if (isConnectionId(id)) byConnection[id] = parseGridSettings(settings)
            }
          }
          return { ...current, byConnection }
        }
      }
    )
  )
}
