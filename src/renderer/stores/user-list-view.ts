import { createStore, type StoreApi } from 'zustand/vanilla'
import type { UserSort } from '../../shared/users'

export type KindFilter = 'portal' | 'internal' | 'all'

/**
 * How the operator is looking at the users grid: filter, search, sort and scroll position. It lives
 * for the whole session so that coming back from a user's details restores the same view.
 * The rows themselves stay in TanStack Query.
 */
export interface UserListView {
  kind: KindFilter
  /** What the search box shows, updated on every keystroke. */
  searchText: string
  sort: UserSort
  scrollTop: number
  setKind: (kind: KindFilter) => void
  setSearchText: (text: string) => void
  setSort: (sort: UserSort) => void
  setScrollTop: (top: number) => void
  reset: () => void
}

export const defaultUserListView = { kind: 'portal', searchText: '', sort: 'name', scrollTop: 0 } as const satisfies Partial<UserListView>

export function createUserListViewStore(): StoreApi<UserListView> {
  return createStore<UserListView>()((set) => ({
    ...defaultUserListView,
    // A new filter, search or sort shows a new list: it starts at the top.
    setKind: (kind) => set({ kind, scrollTop: 0 }),
    setSearchText: (searchText) => set({ searchText, scrollTop: 0 }),
    setSort: (sort) => set({ sort, scrollTop: 0 }),
    setScrollTop: (scrollTop) => set({ scrollTop }),
    reset: () => set({ ...defaultUserListView })
  }))
}
