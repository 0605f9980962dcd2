import { createStore, type StoreApi } from 'zustand/vanilla'
import type { UserSort } from '../../shared/users'

export type KindFilter = 'portal' | 'internal' | 'all'

/**
 * How the operator is looking at the users grid: filter, search, sort and place in the list. It lives
 * for the whole session so that coming back from a user's details restores the same view.
 * The rows themselves stay in TanStack Query.
 */
export interface UserListView {
  kind: KindFilter
  /** What the search box shows, updated on every keystroke. */
  searchText: string
  sort: UserSort
  /** Index of the first row on screen when the operator left the grid for a user's details. */
  topRowIndex: number
  setKind: (kind: KindFilter) => void
  setSearchText: (text: string) => void
  setSort: (sort: UserSort) => void
  setTopRowIndex: (index: number) => void
  reset: () => void
}

export const defaultUserListView = { kind: 'portal', searchText: '', sort: 'name', topRowIndex: 0 } as const satisfies Partial<UserListView>

export function createUserListViewStore(): StoreApi<UserListView> {
  return createStore<UserListView>()((set) => ({
    ...defaultUserListView,
    // A new filter, search or sort shows a new list: it starts at the top.
    setKind: (kind) => set({ kind, topRowIndex: 0 }),
    setSearchText: (searchText) => set({ searchText, topRowIndex: 0 }),
    setSort: (sort) => set({ sort, topRowIndex: 0 }),
    setTopRowIndex: (topRowIndex) => set({ topRowIndex }),
    reset: () => set({ ...defaultUserListView })
  }))
}
