import 'i18next'
import type { en } from './en'

// Typed keys: `t('users.title')` is checked against the English tree at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
