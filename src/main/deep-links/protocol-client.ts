import { resolve } from 'node:path'
import { deskLinkScheme } from '../../shared/deep-links'

/** The part of Electron's `app` that makes the desk the operating system's handler of `portaldesk://`. */
export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean
}

export interface LaunchFacts {
  /** `process.defaultApp`: true when started as `electron <app folder>` (development), not as a packaged app. */
  defaultApp: boolean
  execPath: string
  argv: readonly string[]
}

/**
 * Registers the desk for `portaldesk://` links. A packaged app registers itself; in development the
 * operating system must start Electron with the app folder (on Windows the registry entry would
 * otherwise open a bare Electron), so the executable and that argument are named explicitly.
 */
export function registerDeskProtocolClient(app: ProtocolClientApp, launch: LaunchFacts): boolean {
  if (!launch.defaultApp) return app.setAsDefaultProtocolClient(deskLinkScheme)
  const appFolder = launch.argv[1]
  if (appFolder === undefined) return false
  return app.setAsDefaultProtocolClient(deskLinkScheme, launch.execPath, [resolve(appFolder)])
}
