import type { Locale } from '../../../shared/errors'
import type { HandlerTable } from '../handler-table'

/** The desktop shell around the window: the application menu. */
export interface DesktopShell {
  setLanguage(language: Locale): void
}

export function desktopHandlers(desktop: DesktopShell): Pick<HandlerTable, 'desktop:set-language'> {
  return {
    'desktop:set-language': ({ language }) => {
      desktop.setLanguage(language)
      return Promise.resolve(null)
    }
  }
}
