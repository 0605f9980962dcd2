import { createStore, type StoreApi } from 'zustand/vanilla'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import type { Locale } from '../../shared/errors'

export type ThemeMode = 'light' | 'dark'

export interface Preferences {
  language: Locale
  theme: ThemeMode
  /** Minutes without a key, pointer or wheel event before the desk locks; 0 never locks. */
  autoLockMinutes: number
  setLanguage: (language: Locale) => void
  setTheme: (theme: ThemeMode) => void
  setAutoLockMinutes: (minutes: number) => void
}

export const defaultAutoLockMinutes = 15
/** The longest idle time the settings offer: one working day. */
export const maxAutoLockMinutes = 480

/**
 * A stored auto-lock time: a number of minutes from 0 (never) to `maxAutoLockMinutes`. Fractions are
 * accepted although the settings only offer whole minutes: the e2e suite stores e.g. 0.05 (3 seconds)
 * in localStorage before the page loads to see the lock without waiting 15 minutes.
 */
export function isAutoLockMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= maxAutoLockMinutes
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
 * Language, theme and the auto-lock time, remembered across runs. What comes back from storage is checked field by field:
 * a hand-edited or outdated entry falls back to the defaults instead of breaking the shell.
 */
export function createPreferencesStore(options: {
  storage: StateStorage
  initial: Pick<Preferences, 'language' | 'theme'> & Partial<Pick<Preferences, 'autoLockMinutes'>>
}): StoreApi<Preferences> {
  return createStore<Preferences>()(
    persist(
      (set) => ({
        autoLockMinutes: defaultAutoLockMinutes,
        ...options.initial,
        setLanguage: (language) => set({ language }),
        setTheme: (theme) => set({ theme }),
        setAutoLockMinutes: (minutes) => set({ autoLockMinutes: isAutoLockMinutes(minutes) ? minutes : defaultAutoLockMinutes })
      }),
      {
        name: preferencesStorageKey,
        version: 1,
        storage: createJSONStorage(() => options.storage),
        partialize: (state) => ({ language: state.language, theme: state.theme, autoLockMinutes: state.autoLockMinutes }),
        merge: (persisted, current) => {
          const saved = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as Record<string, unknown>
          return {
            ...current,
            language: isLocale(saved.language) ? saved.language : current.language,
            theme: saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : current.theme,
            autoLockMinutes: isAutoLockMinutes(saved.autoLockMinutes) ? saved.autoLockMinutes : current.autoLockMinutes
          }
        }
      }
    )
  )
}
