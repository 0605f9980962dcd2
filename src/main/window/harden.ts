import { isAppUrl, type AppOrigins } from './app-origin'
import { isAllowedExternalUrl, openExternal, type ExternalLinkPolicy } from './external-links'

/**
 * Everything that makes the desk window safe, in one place. Electron objects are reached through the
 * small interfaces below so that Node tests can pass fakes and fire hostile URLs at them.
 */
export interface NavigationEvent {
  readonly url: string
  preventDefault(): void
}

export interface HardenableWindow {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  /** will-navigate and will-redirect of every frame. */
  onNavigate(listener: (event: NavigationEvent) => void): void
  onAttachWebview(listener: (event: { preventDefault(): void }) => void): void
}

export type PermissionRequestHandler = (permission: string, requestingUrl: string, grant: (granted: boolean) => void) => void
export type PermissionCheckHandler = (permission: string, requestingOrigin: string) => boolean

export interface DownloadEvent {
  /** Where the bytes come from. */
  readonly url: string
  /** Stops the download. */
  cancel(): void
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void
  setPermissionCheckHandler(handler: PermissionCheckHandler): void
  /** will-download: every download of every window. */
  onDownload(listener: (download: DownloadEvent) => void): void
}

export interface HardeningOptions {
  origins: AppOrigins
  externalLinks: ExternalLinkPolicy
  log?: (message: string) => void
}

/** The webPreferences of every desk window. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false
  } as const
}

/**
 * Permissions the app's own page may use; everything else, from anyone, is denied. Notifications
 * tell the operator that a long job ended while the desk was in the background.
 */
const grantedToApp: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications'])

export function isPermissionGranted(permission: string, requestingUrl: string, origins: AppOrigins): boolean {
  return grantedToApp.has(permission) && isAppUrl(requestingUrl, origins)
}

export function hardenWindow(window: HardenableWindow, options: HardeningOptions): void {
  const openIfAllowed = (url: string): void => {
    if (!isAllowedExternalUrl(url, options.externalLinks.allowedHosts(), options.externalLinks.allowedOrigins?.() ?? [])) {
      options.log?.('blocked a link to a destination outside the allowlist')
      return
    }
    openExternal(url, options.externalLinks).catch(() => options.log?.('the system browser could not open a link'))
  }

  window.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url)
    return { action: 'deny' }
  })

  window.onNavigate((event) => {
    if (isAppUrl(event.url, options.origins)) return
    event.preventDefault()
    openIfAllowed(event.url)
  })

  window.onAttachWebview((event) => event.preventDefault())
}

/**
 * The desk saves files it made itself (the CSV export, a blob: URL of the app's own page), through
 * Electron's Save dialog; a download of anything else (a link to a remote file) is refused.
 */
export function isAllowedDownload(url: string, origins: AppOrigins): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length), origins)
}

export function hardenSession(session: HardenableSession, origins: AppOrigins, log?: (message: string) => void): void {
  session.setPermissionRequestHandler((permission, requestingUrl, grant) => grant(isPermissionGranted(permission, requestingUrl, origins)))
  session.setPermissionCheckHandler((permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, origins))
  session.onDownload((download) => {
    if (isAllowedDownload(download.url, origins)) return
    download.cancel()
    log?.('blocked a download that the desk did not make itself')
  })
}
