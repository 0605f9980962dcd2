import type { AuditPage, ParsedAuditListQuery } from '../../shared/audit'
import type { DeskSignInRequest, Operator } from '../../shared/auth'
import { mayConnect, type ConnectionProfile, type NewRemoteConnection } from '../../shared/connections'
import { DeskError } from '../../shared/errors'
import { localAdminLogin } from '../../shared/local-portal-protocol'
import type { PaymentMethodList, SignInList } from '../../shared/security'
import type { SessionState } from '../../shared/session'
import type { ParsedUserListQuery, UserDetail, UserListPage } from '../../shared/users'
import { assertMayConnect, type ConnectionRegistry } from '../connections/connection-registry'
import type { LocalPortal } from '../local-portal/local-portal'
import { describeError, type Logger } from '../log'
import type { PortalClient } from '../portal-client/portal-client'
import type { Vault } from '../vault/vault'

/** What the IPC handler table calls; DeskSession is the one implementation. */
export interface SessionService {
  state(): Promise<SessionState>
  signIn(credentials: DeskSignInRequest): Promise<SessionState>
  signOut(): Promise<SessionState>
  dismissNotice(): Promise<SessionState>
  addConnection(input: NewRemoteConnection): Promise<ConnectionProfile>
  removeConnection(id: string): Promise<SessionState>
  selectConnection(id: string): Promise<SessionState>
  listUsers(query: ParsedUserListQuery): Promise<UserListPage>
  getUser(id: number): Promise<UserDetail>
  listPaymentMethods(userId: number): Promise<PaymentMethodList>
  listSignIns(userId: number): Promise<SignInList>
  listAudit(query: ParsedAuditListQuery): Promise<AuditPage>
  /** Runs one API call on the active connection with the signed-in operator's token. */
  call<T>(request: PortalCall<T>): Promise<T>
  /** Asks the server again who the operator is (after their own 2FA or password changed what the server holds them to). */
  refreshOperator(): Promise<SessionState>
}

/** One API call made for the operator: the token is handed in by the session and goes nowhere else. */
export type PortalCall<T> = (client: PortalClient, token: string) => Promise<T>

export interface DeskSessionDeps {
  connections: ConnectionRegistry
  vault: Vault
  localPortal: LocalPortal
  createClient(baseUrl: string): PortalClient
  log: Logger
  /** Sign the seeded local administrator in on first run (the desk does; some e2e tests do not). */
  signInSeededAdmin?: boolean
}

type Notice = NonNullable<SessionState['firstRunNotice']>
type StartupError = NonNullable<SessionState['startupError']>

/**
 * The operator's session across connections: which portal is active, who is signed in to it, and the
 * calls made on their behalf. Tokens go from PortalClient.login straight into the Vault and out of it
 * only into PortalClient calls; SessionState never holds one.
 */
export class DeskSession implements SessionService {
  readonly #deps: DeskSessionDeps
  readonly #operators = new Map<string, Operator>()
  readonly #clients = new Map<string, PortalClient>()
  #firstRunNotice: Notice | null = null
  #seedHandled = false
  #connectionsReset: boolean
  #startupError: StartupError | null = null
  #startup: Promise<void> | null = null
  #queue: Promise<unknown> = Promise.resolve()

  constructor(deps: DeskSessionDeps) {
    this.#deps = deps
    this.#connectionsReset = deps.connections.wasReset
  }

  /** Opens the active connection: the embedded portal is created and started when nothing else is configured. */
  start(): Promise<void> {
    this.#startup ??= this.#open()
    return this.#startup
  }

  async state(): Promise<SessionState> {
    await this.start()
    return this.#snapshot()
  }

  signIn(credentials: DeskSignInRequest): Promise<SessionState> {
    return this.#serial(async () => {
      const profile = this.#requireActive()
      await this.#signInTo(profile, credentials)
      return this.#snapshot()
    })
  }

  signOut(): Promise<SessionState> {
    return this.#serial(async () => {
      const profile = this.#deps.connections.active()
      if (profile) await this.#signOutOf(profile)
      return this.#snapshot()
    })
  }

  dismissNotice(): Promise<SessionState> {
    return this.#serial(async () => {
      this.#firstRunNotice = null
      this.#connectionsReset = false
      return this.#snapshot()
    })
  }

  addConnection(input: NewRemoteConnection): Promise<ConnectionProfile> {
    return this.#serial(async () => this.#deps.connections.addRemote(input))
  }

  removeConnection(id: string): Promise<SessionState> {
    return this.#serial(async () => {
      const profile = this.#deps.connections.find(id)
      if (!profile) throw new DeskError('NOT_FOUND', 'This connection does not exist.')
      const wasActive = this.#deps.connections.activeId() === id
      await this.#signOutOf(profile)
      this.#deps.vault.forgetDevices(id)
      this.#deps.connections.remove(id)
      if (profile.kind === 'embedded') await this.#deps.localPortal.stop()
      if (wasActive) await this.#activate()
      return this.#snapshot()
    })
  }

  selectConnection(id: string): Promise<SessionState> {
    return this.#serial(async () => {
      const previous = this.#deps.connections.active()
      if (previous?.id !== id) {
        if (!this.#deps.connections.find(id)) throw new DeskError('NOT_FOUND', 'This connection does not exist.')
        if (previous) await this.#signOutOf(previous)
        this.#deps.connections.select(id)
      }
      await this.#activate()
      return this.#snapshot()
    })
  }

  /** Hosts of the https portals the operator configured: the allowlist of external links. */
  /** The embedded portal's loopback origin while it runs (its reset page, opened from the Local mailbox). */
  localPortalOrigins(): string[] {
    const url = this.#deps.localPortal.url()
    return url ? [new URL(url).origin] : []
  }

  /** The names a `portaldesk://` link may name; a name two profiles share is left out (it would be ambiguous). */
  connectionNames(): string[] {
    const names = this.#deps.connections.list().map((p) => p.name)
    return names.filter((name) => names.indexOf(name) === names.lastIndexOf(name))
  }

  connectionHosts(): string[] {
    return this.#deps.connections.list().flatMap((p) => (p.kind === 'remote' && p.url.startsWith('https://') ? [new URL(p.url).hostname] : []))
  }

  listUsers(query: ParsedUserListQuery): Promise<UserListPage> {
    return this.#withToken((client, token) => client.listUsers(token, query))
  }

  getUser(id: number): Promise<UserDetail> {
    return this.#withToken((client, token) => client.getUser(token, id))
  }

  listPaymentMethods(userId: number): Promise<PaymentMethodList> {
    return this.#withToken((client, token) => client.listPaymentMethods(token, userId))
  }

  listSignIns(userId: number): Promise<SignInList> {
    return this.#withToken((client, token) => client.listSignIns(token, userId))
  }

  listAudit(query: ParsedAuditListQuery): Promise<AuditPage> {
    return this.#withToken((client, token) => client.listAudit(token, query))
  }

  call<T>(request: PortalCall<T>): Promise<T> {
    return this.#withToken(request)
  }

  refreshOperator(): Promise<SessionState> {
    return this.#serial(async () => {
      const profile = this.#deps.connections.active()
      const operator = await this.#withToken((client, token) => client.me(token))
      if (profile) this.#operators.set(profile.id, operator)
      return this.#snapshot()
    })
  }

  async #open(): Promise<void> {
    const { connections } = this.#deps
    if (connections.list().length === 0) {
      try {
        connections.ensureEmbedded()
      } catch (error) {
        this.#deps.log.error(`the embedded connection could not be created: ${describeError(error)}`)
      }
    }
    await this.#activate()
  }

  /** Makes the active connection usable: starts the embedded portal if it is one and restores a stored sign-in. */
  async #activate(): Promise<void> {
    this.#startupError = null
    const profile = this.#deps.connections.active()
    if (!profile) return
    try {
      const client = await this.#clientFor(profile)
      if (profile.kind === 'embedded') await this.#signInSeededAdmin(profile)
      const token = await this.#deps.vault.getToken(profile.id)
      if (token && !this.#operators.has(profile.id)) this.#operators.set(profile.id, await client.me(token))
    } catch (error) {
      const deskError = error instanceof DeskError ? error : new DeskError('INTERNAL')
      if (deskError.code === 'UNAUTHORIZED') {
        this.#forget(profile.id)
        return
      }
      this.#deps.log.warn(`the connection "${profile.name}" could not be opened: ${describeError(error)}`)
      this.#startupError = { code: deskError.code, message: deskError.message }
    }
  }

  async #signInSeededAdmin(profile: ConnectionProfile): Promise<void> {
    const portal = await this.#deps.localPortal.start()
    if (!portal.seeded || this.#seedHandled) return
    this.#seedHandled = true
    this.#firstRunNotice = { login: localAdminLogin, password: portal.seedPassword }
    if (this.#deps.signInSeededAdmin === false) return
    await this.#signInTo(profile, { login: localAdminLogin, password: portal.seedPassword })
  }

  /**
   * Signs in with the device token this desk holds for the login on this connection (so that the
   * operator's right password works while their account is locked for unknown devices), and keeps the
   * one the server gives back. Neither leaves main.
   */
  async #signInTo(profile: ConnectionProfile, credentials: DeskSignInRequest): Promise<void> {
    const client = await this.#clientFor(profile)
    const known = await this.#deps.vault.getDeviceToken(profile.id, credentials.login)
    // Only main's own token is sent: whatever else came with the credentials is overwritten.
    const { token, operator, deviceToken } = await client.login({ ...credentials, deviceToken: known ?? undefined })
    if (deviceToken) await this.#deps.vault.setDeviceToken(profile.id, credentials.login, deviceToken)
    // The local administrator's password is for the local administrator's eyes: once someone else
    // signs in on this desk, the notice is gone for good.
    if (this.#firstRunNotice && operator.login !== this.#firstRunNotice.login) this.#firstRunNotice = null
    const previous = await this.#deps.vault.getToken(profile.id)
    if (previous && previous !== token) await this.#revoke(client, previous)
    await this.#deps.vault.setToken(profile.id, token)
    this.#operators.set(profile.id, operator)
    this.#startupError = null
  }

  /** Best effort: the server forgets the token if it can be reached; the desk forgets it regardless. */
  async #signOutOf(profile: ConnectionProfile): Promise<void> {
    const token = await this.#deps.vault.getToken(profile.id)
    this.#forget(profile.id)
    if (!token) return
    const client = this.#existingClientFor(profile)
    if (client) await this.#revoke(client, token)
  }

  async #revoke(client: PortalClient, token: string): Promise<void> {
    try {
      await client.logout(token)
    } catch (error) {
      this.#deps.log.info(`the portal could not be told about a sign-out: ${describeError(error)}`)
    }
  }

  #holdToPasswordChange(connectionId: string): void {
    const operator = this.#operators.get(connectionId)
    if (operator) this.#operators.set(connectionId, { ...operator, passwordChangeRequired: true })
  }

  #forget(connectionId: string): void {
    this.#deps.vault.forget(connectionId)
    this.#operators.delete(connectionId)
  }

  async #withToken<T>(call: (client: PortalClient, token: string) => Promise<T>): Promise<T> {
    await this.start()
    const profile = this.#deps.connections.active()
    const token = profile ? await this.#deps.vault.getToken(profile.id) : null
    if (!profile || !token) throw new DeskError('UNAUTHORIZED')
    const client = await this.#clientFor(profile)
    try {
      return await call(client, token)
    } catch (error) {
      // The server no longer accepts the token: drop it so the renderer shows the sign-in screen.
      if (error instanceof DeskError && error.code === 'UNAUTHORIZED') this.#forget(profile.id)
      // A temporary password was set while signed in: the renderer shows the "choose a new password" screen.
      if (error instanceof DeskError && error.code === 'PASSWORD_CHANGE_REQUIRED') this.#holdToPasswordChange(profile.id)
      throw error
    }
  }

  #requireActive(): ConnectionProfile {
    const profile = this.#deps.connections.active()
    if (!profile) throw new DeskError('VALIDATION', undefined, [{ path: 'connection', message: 'Choose or add a portal connection first.' }])
    return profile
  }

  async #clientFor(profile: ConnectionProfile): Promise<PortalClient> {
    assertMayConnect(profile)
    const baseUrl = profile.kind === 'remote' ? profile.url : (await this.#deps.localPortal.start()).url
    return this.#client(baseUrl)
  }

  /** The client of a connection without starting anything: signing out of a stopped portal is a no-op. */
  #existingClientFor(profile: ConnectionProfile): PortalClient | null {
    // No token is sent in clear text the operator did not allow, not even to sign out.
    if (profile.kind === 'remote') return mayConnect(profile) ? this.#client(profile.url) : null
    const url = this.#deps.localPortal.url()
    return url ? this.#client(url) : null
  }

  #client(baseUrl: string): PortalClient {
    let client = this.#clients.get(baseUrl)
    if (!client) {
      client = this.#deps.createClient(baseUrl)
      this.#clients.set(baseUrl, client)
    }
    return client
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.start()).then(task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #snapshot(): SessionState {
    const { connections, vault, localPortal } = this.#deps
    const activeId = connections.activeId()
    // The generated password leaves main in one answer only: the desk's window keeps it on screen
    // until dismissed; anyone who asks later (another window, another client) gets nothing.
    const firstRunNotice = this.#firstRunNotice
    this.#firstRunNotice = null
    return {
      connections: connections.list(),
      activeConnectionId: activeId,
      operator: (activeId && this.#operators.get(activeId)) || null,
      vault: vault.status(),
      localPortal: localPortal.status(),
      connectionsReset: this.#connectionsReset,
      firstRunNotice,
      startupError: this.#startupError
    }
  }
}
