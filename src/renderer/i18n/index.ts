import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Locale } from '../../shared/errors'
import { en } from './en'
import { zhCN } from './zh-CN'

export const translations = { en, 'zh-CN': zhCN } as const

export const supportedLanguages: readonly Locale[] = ['en', 'zh-CN']

/**
 * One i18next instance per app (and per test): nothing global is configured at import time.
 * Resources are bundled, so initialisation is synchronous and the first render is already translated.
 */
export function createI18n(language: Locale): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; and friends.
    interpolation: { escapeValue: false },
    returnNull: false
  })
  return instance
}
