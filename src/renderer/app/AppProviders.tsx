import { useEffect, useMemo, type ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { i18n } from 'i18next'
import type { StateStorage } from 'zustand/middleware'
import { I18nextProvider } from 'react-i18next'
import type { Locale } from '../../shared/errors'
import type { DeskClient } from '../../shared/ipc/desk-api'
import type { DeskEventsBridge } from '../../shared/ipc/desk-events'
import { createI18n } from '../i18n'
import { AppStoresProvider, usePreferences, type AppStores } from '../stores/app-stores'
import { createPreferencesStore, defaultLanguage } from '../stores/preferences'
import { createSessionNoticeStore } from '../stores/session-notice'
import { createUserGridSettingsStore } from '../stores/user-grid-settings'
import { createUserListViewStore } from '../stores/user-list-view'
import { DeskClientProvider, useDeskClient } from './desk-client'
import { createAppQueryClient } from './query-client'
import { endExpiredSession } from './session'
import { antdTheme } from './theme'

/** Everything the app depends on, built in one place: main.tsx for real, tests with fakes. */
export interface AppDependencies {
  desk: DeskClient
  /** Main's events (Electron only: the browser host has none). */
  deskEvents?: DeskEventsBridge
  stores: AppStores
  queryClient: QueryClient
  i18n: i18n
}

export function createAppDependencies(options: {
  desk: DeskClient
  deskEvents?: DeskEventsBridge
  /** window.localStorage in the app; any key-value store in tests. */
  storage: StateStorage
  systemLanguages: readonly string[]
}): AppDependencies {
  const stores: AppStores = {
    preferences: createPreferencesStore({
      storage: options.storage,
      initial: { language: defaultLanguage(options.systemLanguages), theme: 'light' }
    }),
    userListView: createUserListViewStore(),
    sessionNotice: createSessionNoticeStore(),
    userGridSettings: createUserGridSettingsStore({ storage: options.storage })
  }
  const queryClient = createAppQueryClient(endExpiredSession(options.desk, stores.sessionNotice))
  const i18n = createI18n(stores.preferences.getState().language)
  // Switch i18next in the same tick as the store, so no frame renders the old language.
  stores.preferences.subscribe((state, previous) => {
    if (state.language !== previous.language) void i18n.changeLanguage(state.language)
  })
  return { desk: options.desk, ...(options.deskEvents ? { deskEvents: options.deskEvents } : {}), stores, queryClient, i18n }
}

const antdLocales: Record<Locale, typeof enUS> = { en: enUS, 'zh-CN': zhCN }

/** Applies the remembered language and theme to i18next, antd, the document and the desktop menu. */
function PreferencesBridge({ children }: { children: ReactNode }) {
  const desk = useDeskClient()
  const language = usePreferences((state) => state.language)
  const mode = usePreferences((state) => state.theme)
  useEffect(() => {
    document.documentElement.lang = language
    desk.desktop.setLanguage({ language }).catch(() => {
      // The menu keeps the system's language: nothing the operator needs to act on.
    })
  }, [desk, language])
  useEffect(() => {
    document.documentElement.dataset.theme = mode
    document.documentElement.style.colorScheme = mode
  }, [mode])
  const themeConfig = useMemo(() => antdTheme(mode, language), [mode, language])
  return (
    <ConfigProvider locale={antdLocales[language]} theme={themeConfig}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function AppProviders({ dependencies, children }: { dependencies: AppDependencies; children: ReactNode }) {
  return (
    <DeskClientProvider client={dependencies.desk}>
      <AppStoresProvider stores={dependencies.stores}>
        <QueryClientProvider client={dependencies.queryClient}>
          <I18nextProvider i18n={dependencies.i18n}>
            <PreferencesBridge>{children}</PreferencesBridge>
          </I18nextProvider>
        </QueryClientProvider>
      </AppStoresProvider>
    </DeskClientProvider>
  )
}
