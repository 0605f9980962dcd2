/**
 * Where the renderer comes from. In production it is served from a privileged custom scheme,
 * `app://portaldesk/`, and in development from electron-vite's dev server. Navigation, IPC sender
 * checks and permissions all use this one definition of "our own page".
 */
export const appScheme = 'app'
export const appHost = 'portaldesk'
export const appEntryUrl = `${appScheme}://${appHost}/index.html`

export interface AppOrigins {
  /** ELECTRON_RENDERER_URL in development, null in a packaged or previewed app. */
  devServerUrl: string | null
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for a URL of the app itself: app://portaldesk/… or, in development, the dev server's origin. */
export function isAppUrl(url: string, origins: AppOrigins): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.username || parsed.password) return false
  if (parsed.protocol === `${appScheme}:`) return parsed.host === appHost
  if (!origins.devServerUrl) return false
  const dev = parse(origins.devServerUrl)
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin
}

/** The IPC sender check: only the app's own top-level frame may call the desk. */
export function isAllowedSender(frame: { url: string; parent: unknown }, origins: AppOrigins): boolean {
  return frame.parent === null && isAppUrl(frame.url, origins)
}
