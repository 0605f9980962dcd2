import { createStore, type StoreApi } from 'zustand/vanilla'
import type { UserSort } from '../../shared/users'
import { defaultGridSettings, type GridSettings, type PageSize, type UserColumnKey, type UserFilterKey, type UserGridFilters } from './user-grid-settings'

export type KindFilter = 'portal' | 'internal' | 'all'

/**
 * How the operator is looking at the users grid: filters, search, sort, columns, page size and place
 * in the list. It lives for the whole session so that coming back from a user's details restores the
 * same view; page size, filters and columns are also remembered per connection (see
 * `user-grid-settings.ts`, restored by `useRememberedGridSettings`). The rows stay in TanStack Query.
 */
export interface UserListView extends GridSettings {
  kind: KindFilter
  /** What the search box shows, updated on every keystroke. */
  searchText: string
  sort: UserSort
  /** Index of the first row on screen when the operator left the grid for a user's details. */
  topRowIndex: number
  /** The connection whose remembered settings are applied; null until they are (the grid waits). */
  settingsOf: string | null
  setKind: (kind: KindFilter) => void
  setSearchText: (text: string) => void
  setSort: (sort: UserSort) => void
  setTopRowIndex: (index: number) => void
  setFilter: <K extends UserFilterKey>(key: K, value: NonNullable<UserGridFilters[K]>) => void
  removeFilter: (key: UserFilterKey) => void
  clearFilters: () => void
  setPageSize: (pageSize: PageSize) => void
  setColumns: (columns: readonly UserColumnKey[]) => void
  /** Applies a connection's remembered settings (on arrival, or after switching portals). */
  applySettings: (connectionId: string, settings: GridSettings) => void
  reset: () => void
}

export const defaultUserListView = {
  kind: 'portal',
  searchText: '',
  sort: 'name',
  topRowIndex: 0,
  settingsOf: null,
  ...defaultGridSettings
} as const satisfies Partial<UserListView>

export function createUserListViewStore(): StoreApi<UserListView> {
  return createStore<UserListView>()((set) => ({
    ...defaultUserListView,
    // A new filter, search or sort shows a new list: it starts at the top.
    setKind: (kind) => set({ kind, topRowIndex: 0 }),
    setSearchText: (searchText) => set({ searchText, topRowIndex: 0 }),
    setSort: (sort) => set({ sort, topRowIndex: 0 }),
    setTopRowIndex: (topRowIndex) => set({ topRowIndex }),
    setFilter: (key, value) => set((view) => ({ filters: { ...view.filters, [key]: value }, topRowIndex: 0 })),
    removeFilter: (key) =>
      set((view) => {
        const { [key]: _removed, ...rest } = view.filters
        return { filters: rest, topRowIndex: 0 }
      }),
    clearFilters: () => set({ filters: {}, topRowIndex: 0 }),
    setPageSize: (pageSize) => set({ pageSize, topRowIndex: 0 }),
    setColumns: (columns) => set({ columns }),
    applySettings: (connectionId, settings) => set({ ...settings, settingsOf: connectionId, topRowIndex: 0 }),
    reset: () => set({ ...defaultUserListView })
  }))
}
