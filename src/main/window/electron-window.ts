import type { BrowserWindow as BrowserWindowClass, Session, WebContents } from 'electron'
import type { WindowOpening } from '../desktop/window-state'
import type { AppOrigins } from './app-origin'
import type { ExternalLinkPolicy } from './external-links'
import { hardenSession, hardenWindow, secureWebPreferences } from './harden'

/** Adapters from Electron's objects to the small interfaces hardenWindow/hardenSession test against. */
export function hardenWebContents(contents: WebContents, origins: AppOrigins, externalLinks: ExternalLinkPolicy, log: (message: string) => void): void {
  hardenWindow(
    {
      setWindowOpenHandler: (handler) => contents.setWindowOpenHandler(handler),
      onNavigate: (listener) => {
        contents.on('will-frame-navigate', (event) => listener(event))
        contents.on('will-redirect', (event) => listener(event))
      },
      onAttachWebview: (listener) => contents.on('will-attach-webview', (event) => listener(event))
    },
    { origins, externalLinks, log }
  )
}

export function hardenElectronSession(session: Session, origins: AppOrigins, log?: (message: string) => void): void {
  hardenSession(
    {
      setPermissionRequestHandler: (handler) =>
        session.setPermissionRequestHandler((_contents, permission, callback, details) => handler(permission, details.requestingUrl, callback)),
      setPermissionCheckHandler: (handler) => session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => handler(permission, requestingOrigin)),
      onDownload: (listener) => session.on('will-download', (_event, item) => listener({ url: item.getURL(), cancel: () => item.cancel() }))
    },
    origins,
    log
  )
}

/** The window's size on first start, and wherever the remembered place is no longer on screen. */
export const defaultWindowSize = { width: 1280, height: 820 } as const

export function createDeskWindow(BrowserWindow: typeof BrowserWindowClass, preloadPath: string, entryUrl: string, opening: WindowOpening): BrowserWindowClass {
  const window = new BrowserWindow({
    ...opening.bounds,
    minWidth: 900,
    minHeight: 600,
    // The renderer sets document.title to name the connection; the window follows it.
    title: 'PortalDesk',
    show: false,
    webPreferences: secureWebPreferences(preloadPath)
  })
  window.once('ready-to-show', () => {
    // maximize() shows a hidden window too: it waits, like show(), for the first paint.
    if (opening.maximized) window.maximize()
    window.show()
  })
  void window.loadURL(entryUrl)
  return window
}
