import { join } from 'node:path'
import { BrowserWindow, Menu, app, ipcMain, protocol, safeStorage, screen, session, shell, utilityProcess } from 'electron'
import type { Locale } from '../shared/errors'
import { desktopAppId, releaseVersion } from '../shared/version'
import { createDeepLinkInbox } from './deep-links/deep-link-inbox'
import { registerDeskProtocolClient } from './deep-links/protocol-client'
import { createDesk, type Desk } from './desk'
import { buildMenuTemplate } from './desktop/app-menu'
import { displayWorkAreas, setApplicationMenu, trackedWindow } from './desktop/electron-desktop'
import { menuLabels, menuLocaleFor } from './desktop/menu-labels'
import { createSecondInstanceHandler, type LaunchArguments } from './desktop/second-instance'
import { loadWindowState, rememberWindowState, saveWindowState, windowOpening, windowStateStoreName } from './desktop/window-state'
import { registerHandlers } from './ipc/register'
import { createUtilityProcessLauncher } from './local-portal/utility-process-launcher'
import { createConsoleLogger } from './log'
import { createElectronKeyValueStore } from './storage/electron-key-value-store'
import { createSafeStorageCipher } from './vault/safe-storage-cipher'
import { appEntryUrl, appScheme, isAllowedSender, type AppOrigins } from './window/app-origin'
import { appSchemePrivileges, createAppProtocolHandler } from './window/app-protocol'
import { createDeskWindow, defaultWindowSize, hardenElectronSession, hardenWebContents } from './window/electron-window'
import type { ExternalLinkPolicy } from './window/external-links'
import { deskEvents } from '../shared/ipc/desk-events'

// Lifecycle only: every decision lives in a module that Node tests exercise without Electron.
const log = createConsoleLogger()
const here = import.meta.dirname
const origins: AppOrigins = { devServerUrl: !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null }
let desk: Desk | null = null
let mainWindow: BrowserWindow | null = null
let stopped = false

const externalLinks: ExternalLinkPolicy = {
  // The https portals the operator configured are the only places a link may open.
  allowedHosts: () => desk?.session.connectionHosts() ?? [],
  allowedOrigins: () => desk?.session.localPortalOrigins() ?? [],
  open: (url) => shell.openExternal(url)
}

protocol.registerSchemesAsPrivileged([appSchemePrivileges])

// portaldesk:// links: parsed and sent to the renderer once it has loaded; the window comes forward.
const deepLinks = createDeepLinkInbox({
  connectionNames: () => desk?.session.connectionNames() ?? [],
  deliver: (delivery) => {
    mainWindow?.webContents.send(deskEvents.deepLink.channel, delivery)
    mainWindow?.focus()
  }
})
// macOS hands links (also the one that launched the app) to open-url, which must be listened to before ready.
app.on('open-url', (event, url) => {
  event.preventDefault()
  deepLinks.receiveUrl(url)
})

// Test hooks, read once at start: a throw-away profile folder and a smaller first-run data set.
const userDataOverride = process.env.PORTALDESK_USER_DATA_DIR
if (userDataOverride) app.setPath('userData', userDataOverride)
const seedUsers = Number.parseInt(process.env.PORTALDESK_SEED_USERS ?? '', 10)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  deepLinks.receiveArgv(process.argv)
  const onSecondInstance = createSecondInstanceHandler({ window: () => mainWindow, onLaunch: handleLaunchArguments })
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory))
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins, externalLinks, (message) => log.warn(message)))
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (stopped || !desk) return
    event.preventDefault()
    const stopping = desk
    desk = null
    void stopping
      .shutdown()
      .catch((error: unknown) => log.error(`the embedded portal did not stop cleanly: ${String(error)}`))
      .finally(() => {
        stopped = true
        app.quit()
      })
  })
  app.whenReady().then(start, (error: unknown) => {
    log.error(`the desk could not start: ${String(error)}`)
    app.exit(1)
  })
}

/** The seam for portaldesk:// links: every later launch's arguments (and folder) arrive here. */
/** A second launch's command line: a `portaldesk://` link in it opens where it points. */
function handleLaunchArguments(launch: LaunchArguments): void {
  deepLinks.receiveArgv(launch.argv)
}

/** Until the window says which language the operator chose, the menu follows the system's. */
function installMenu(userDataDir: string, language: Locale = menuLocaleFor(app.getLocale())): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev: !app.isPackaged,
    labels: menuLabels[language],
    version: releaseVersion,
    actions: {
      openDataFolder: () =>
        void shell.openPath(userDataDir).then((error) => {
          if (error) log.warn(`the data folder could not be opened: ${error}`)
        })
    }
  })
  setApplicationMenu(Menu, template)
}

function openMainWindow(userDataDir: string): BrowserWindow {
  const stateStore = createElectronKeyValueStore({ name: windowStateStoreName, directory: userDataDir })
  const { workAreas, primaryWorkArea } = displayWorkAreas(screen)
  const opening = windowOpening(loadWindowState(stateStore, log), workAreas, primaryWorkArea, defaultWindowSize)
  const window = createDeskWindow(BrowserWindow, join(here, '../preload/index.cjs'), origins.devServerUrl ?? appEntryUrl, opening)
  rememberWindowState(trackedWindow(window), (state) => saveWindowState(stateStore, state, log))
  return window
}

async function start(): Promise<void> {
  // Windows shows a toast only for the AppUserModelID the installer gave the Start-menu shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(desktopAppId)
  protocol.handle(appScheme, createAppProtocolHandler(join(here, '../renderer')))
  hardenElectronSession(session.defaultSession, origins, (message) => log.warn(message))

  const userDataDir = app.getPath('userData')
  installMenu(userDataDir)
  desk = await createDesk({
    userDataDir,
    cipher: createSafeStorageCipher(safeStorage, process.platform),
    openStore: (name) => createElectronKeyValueStore({ name, directory: userDataDir }),
    launcher: createUtilityProcessLauncher((modulePath, args, options) => utilityProcess.fork(modulePath, args, options), join(here, 'portal-server.js')),
    log,
    baseEnv: process.env,
    onLanguageChange: (language) => installMenu(userDataDir, language)
  }, Number.isInteger(seedUsers) && seedUsers > 0 ? { seedUsers } : {})
  registerHandlers(ipcMain, desk.table, { isAllowedSender: (frame) => isAllowedSender(frame, origins), log })
  void desk.session.start()

  registerDeskProtocolClient(app, { defaultApp: process.defaultApp === true, execPath: process.execPath, argv: process.argv })
  mainWindow = openMainWindow(userDataDir)
  mainWindow.webContents.once('did-finish-load', () => deepLinks.open())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}
