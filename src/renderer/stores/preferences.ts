import { createStore, type StoreApi } from 'zustand/vanilla'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import type { Locale } from '../../shared/errors'

export type ThemeMode = 'light' | 'dark'

export interface Preferences {
  language: Locale
  theme: ThemeMode
  setLanguage: (language: Locale) => void
  setTheme: (theme: ThemeMode) => void
}

export const preferencesStorageKey = 'portaldesk.preferences'

function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN'
}

/** The first run follows the system's language: Chinese for any zh-* locale, English otherwise. */
export function defaultLanguage(systemLanguages: readonly string[]): Locale {
  return systemLanguages.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en'
}

/**
 * Language and theme, remembered across runs. What comes back from storage is checked field by field:
 * a hand-edited or outdated entry falls back to the defaults instead of breaking the shell.
 */
export function createPreferencesStore(options: {
  storage: StateStorage
  initial: Pick<Preferences, 'language' | 'theme'>
}): StoreApi<Preferences> {
  return createStore<Preferences>()(
    persist(
      (set) => ({
        ...options.initial,
        setLanguage: (language) => set({ language }),
        setTheme: (theme) => set({ theme })
      }),
      {
        name: preferencesStorageKey,
        version: 1,
        storage: createJSONStorage(() => options.storage),
        partialize: (state) => ({ language: state.language, theme: state.theme }),
        merge: (persisted, current) => {
          const saved = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as Record<string, unknown>
          return {
            ...current,
            language: isLocale(saved.language) ? saved.language : current.language,
            theme: saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : current.theme
          }
        }
      }
    )
  )
}
