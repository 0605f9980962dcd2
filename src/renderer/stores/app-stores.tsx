import { createContext, useContext, type ReactNode } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { Preferences } from './preferences'
import type { SessionNotice } from './session-notice'
import type { UserGridSettings } from './user-grid-settings'
import type { UserListView } from './user-list-view'

/** The UI stores of one app instance. Built by the caller so that tests get fresh, isolated ones. */
export interface AppStores {
  preferences: StoreApi<Preferences>
  userListView: StoreApi<UserListView>
  sessionNotice: StoreApi<SessionNotice>
  /** Page size, filters and columns of the users grid, remembered per connection. */
  userGridSettings: StoreApi<UserGridSettings>
}

const AppStoresContext = createContext<AppStores | null>(null)

export function AppStoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <AppStoresContext.Provider value={stores}>{children}</AppStoresContext.Provider>
}

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext)
  if (!stores) throw new Error('useAppStores needs an AppStoresProvider above it.')
  return stores
}

export function usePreferences<T>(select: (state: Preferences) => T): T {
  return useStore(useAppStores().preferences, select)
}

export function useUserListView<T>(select: (state: UserListView) => T): T {
  return useStore(useAppStores().userListView, select)
}

export function useSessionNotice<T>(select: (state: SessionNotice) => T): T {
  return useStore(useAppStores().sessionNotice, select)
}
