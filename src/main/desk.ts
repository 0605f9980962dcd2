import { join } from 'node:path'
import type { Locale } from '../shared/errors'
import { ConnectionRegistry } from './connections/connection-registry'
import type { HandlerTable } from './ipc/handler-table'
import { createHandlerTable } from './ipc/handlers'
import { LocalPortal } from './local-portal/local-portal'
import type { ProcessLauncher } from './local-portal/process-launcher'
import { preparePrivateFolder } from './local-portal/private-folder'
import type { Logger } from './log'
import { PortalClient } from './portal-client/portal-client'
import { DeskSession } from './session/desk-session'
import type { KeyValueStore } from './storage/key-value-store'
import type { Cipher } from './vault/cipher'
import { Vault } from './vault/vault'

/** The platform pieces: Electron's in src/main/index.ts, Node stand-ins in the browser host. */
export interface DeskPlatform {
  /** Where the desk keeps its files; the embedded portal's data goes to `<userDataDir>/portal`. */
  userDataDir: string
  cipher: Cipher
  openStore(name: 'connections' | 'vault'): KeyValueStore
  launcher: ProcessLauncher
  log: Logger
  /** The environment the embedded server inherits. */
  baseEnv?: NodeJS.ProcessEnv
  /** The operator chose a language in the window (Electron relabels its menu; the browser host has none). */
  onLanguageChange?: (language: Locale) => void
}

export interface DeskOptions {
  seedPassword?: string
  seedUsers?: number
  signInSeededAdmin?: boolean
  portalTimeoutMs?: number
  portalStartTimeoutMs?: number
}

export interface Desk {
  table: HandlerTable
  session: DeskSession
  localPortal: LocalPortal
  /** Stops the embedded portal; call once when the desk quits. */
  shutdown(): Promise<void>
}

/** Wires the services behind the handler table; nothing starts until `session.start()`. */
export async function createDesk(platform: DeskPlatform, options: DeskOptions = {}): Promise<Desk> {
  const { log } = platform
  const vault = await Vault.open(platform.cipher, platform.openStore('vault'), log)
  const connections = ConnectionRegistry.load(platform.openStore('connections'), log)
  const portalDataDir = join(platform.userDataDir, 'portal')
  await preparePrivateFolder(portalDataDir, log)
  const localPortal = new LocalPortal({
    launcher: platform.launcher,
    dataDir: portalDataDir,
    seedPassword: options.seedPassword,
    seedUsers: options.seedUsers,
    startTimeoutMs: options.portalStartTimeoutMs,
    baseEnv: platform.baseEnv,
    log
  })
  const session = new DeskSession({
    connections,
    vault,
    localPortal,
    log,
    signInSeededAdmin: options.signInSeededAdmin,
    createClient: (baseUrl) => new PortalClient({ baseUrl, timeoutMs: options.portalTimeoutMs })
  })
  const { onLanguageChange } = platform
  const desktop = onLanguageChange ? { setLanguage: onLanguageChange } : undefined
  return { table: createHandlerTable({ session, desktop }), session, localPortal, shutdown: () => localPortal.stop() }
}
