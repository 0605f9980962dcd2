import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConnectionRegistry } from '../../../src/main/connections/connection-registry'
import { LocalPortal } from '../../../src/main/local-portal/local-portal'
import { PortalClient } from '../../../src/main/portal-client/portal-client'
import { DeskSession } from '../../../src/main/session/desk-session'
import type { Cipher } from '../../../src/main/vault/cipher'
import { Vault } from '../../../src/main/vault/vault'
import type { ProcessLauncher } from '../../../src/main/local-portal/process-launcher'
import { fakeLauncher } from './support/fake-launcher'
import { startFakePortal, type FakePortal } from './support/fake-portal'
import { fakeCipher, memoryStore, recordingLogger } from './support/fakes'
import { refusedPort } from './support/http-server'

const seedPassword = 'Seed-Password-For-Tests-1'
let portal: FakePortal

beforeEach(async () => {
  portal = await startFakePortal(seedPassword)
})
afterEach(() => portal.close())

/** One "run" of the desk over shared stores: call it again with the same stores to simulate a restart. */
function desk(
  stores = { connections: memoryStore(), vault: memoryStore() },
  options: { cipher?: Cipher; launcher?: ProcessLauncher; seeded?: boolean; signInSeededAdmin?: boolean } = {}
) {
  const log = recordingLogger()
  const launcher = options.launcher ?? fakeLauncher((child) => child.send({ type: 'ready', port: portal.port, seeded: options.seeded ?? true }))
  const open = async () => {
    const vault = await Vault.open(options.cipher ?? fakeCipher(), stores.vault, log)
    const connections = ConnectionRegistry.load(stores.connections, log)
    const localPortal = new LocalPortal({ launcher, dataDir: '/tmp/portal', seedPassword, log, startTimeoutMs: 2_000 })
    const session = new DeskSession({
      connections,
      vault,
      localPortal,
      log,
      signInSeededAdmin: options.signInSeededAdmin,
      createClient: (baseUrl) => new PortalClient({ baseUrl, timeoutMs: 2_000 })
    })
    return { session, localPortal, vault, connections, stores, log }
  }
  return open()
}

describe('DeskSession, first run', () => {
  it('creates the embedded connection, starts the portal and signs the local administrator in', async () => {
    const { session, log } = await desk()
    const state = await session.state()
    expect(state.connections).toEqual([{ id: expect.any(String), kind: 'embedded', name: 'Local portal' }])
    expect(state.activeConnectionId).toBe(state.connections[0]?.id)
    expect(state.localPortal).toEqual({ state: 'running' })
    expect(state.operator).toMatchObject({ login: 'admin', role: 'administrator' })
    expect(state.firstRunNotice).toEqual({ login: 'admin', password: seedPassword })
    expect(state.startupError).toBeNull()

    // The token works for users:list, yet appears nowhere the renderer or a log could see it.
    const [token] = [...portal.tokens]
    expect(token).toBeDefined()
    expect((await session.listUsers({ kind: 'portal', sort: 'name', limit: 50 })).items).toHaveLength(1)
    expect(JSON.stringify(await session.state())).not.toContain(token)
    expect(log.lines.join('\n')).not.toContain(token)
    expect(log.lines.join('\n')).not.toContain(seedPassword)
  })

  it('hands the generated password out in one answer only', async () => {
    const { session } = await desk()
    expect((await session.state()).firstRunNotice).toEqual({ login: 'admin', password: seedPassword })
    const later = await session.state()
    expect(later.firstRunNotice).toBeNull()
    expect(JSON.stringify(later)).not.toContain(seedPassword)
    expect(JSON.stringify(await session.signIn({ login: 'admin', password: seedPassword }))).not.toContain(seedPassword)
    expect((await session.dismissNotice()).firstRunNotice).toBeNull()
  })

  it('never shows the local administrator\'s password to another operator who signs in on the desk', async () => {
    const { session } = await desk(undefined, { signInSeededAdmin: false })
    expect((await session.state()).firstRunNotice).not.toBeNull()
    const state = await session.signIn({ login: 'support', password: seedPassword })
    expect(state.operator).toMatchObject({ login: 'support', role: 'support' })
    expect(state.firstRunNotice).toBeNull()
    expect(JSON.stringify(state)).not.toContain(seedPassword)
    await session.signOut()
    expect((await session.state()).firstRunNotice).toBeNull()
  })

  it('can leave the administrator signed out (the e2e sign-in flows)', async () => {
    const { session } = await desk(undefined, { signInSeededAdmin: false })
    const state = await session.state()
    expect(state.operator).toBeNull()
    expect(state.firstRunNotice).toEqual({ login: 'admin', password: seedPassword })
    expect(portal.tokens.size).toBe(0)
  })

  it('reports a portal that cannot start, in words, and stays usable', async () => {
    const { session } = await desk(undefined, { launcher: fakeLauncher((child) => child.exit(3)) })
    const state = await session.state()
    expect(state.localPortal).toEqual({ state: 'failed', error: expect.stringContaining('exited (code 3)') })
    expect(state.startupError).toMatchObject({ code: 'PORTAL_START_FAILED' })
    expect(state.operator).toBeNull()
    await expect(session.listUsers({ kind: 'all', sort: 'name', limit: 50 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })
})

describe('DeskSession, later runs', () => {
  it('restores the sign-in from an encrypted vault', async () => {
    const first = await desk()
    await first.session.state()
    const second = await desk(first.stores, { seeded: false })
    const state = await second.session.state()
    expect(state.operator).toMatchObject({ login: 'admin' })
    expect(state.firstRunNotice).toBeNull()
    expect(state.vault).toEqual({ persistent: true, backend: 'gnome_libsecret' })
  })

  it('asks for a new sign-in when secrets could only be kept in memory (basic_text)', async () => {
    const cipher = fakeCipher({ backend: 'basic_text' })
    const first = await desk(undefined, { cipher })
    expect((await first.session.state()).operator).not.toBeNull()
    expect(first.stores.vault.data).toEqual({})
    const second = await desk(first.stores, { cipher, seeded: false })
    const state = await second.session.state()
    expect(state.operator).toBeNull()
    expect(state.vault).toEqual({ persistent: false, backend: 'basic_text' })
  })

  it('says when the saved connections were unreadable, until dismissed', async () => {
    const { session } = await desk({ connections: memoryStore({}, { corrupt: true }), vault: memoryStore() })
    expect((await session.state()).connectionsReset).toBe(true)
    expect((await session.dismissNotice()).connectionsReset).toBe(false)
  })
})

describe('DeskSession, sign-in and sign-out', () => {
  it('signs out: the server forgets the token and so does the desk', async () => {
    const { session, vault } = await desk()
    const state = await session.state()
    const [token] = [...portal.tokens]
    const after = await session.signOut()
    expect(after.operator).toBeNull()
    expect(portal.loggedOut).toEqual([token])
    expect(await vault.getToken(state.activeConnectionId as string)).toBeNull()
    await expect(session.listUsers({ kind: 'all', sort: 'name', limit: 50 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('a wrong password changes nothing', async () => {
    const { session } = await desk(undefined, { signInSeededAdmin: false })
    // The first answer carries the first-run password, which main hands out once.
    await session.state()
    const before = await session.state()
    await expect(session.signIn({ login: 'admin', password: 'wrong' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(await session.state()).toEqual(before)
  })

  it('signs in with the right password', async () => {
    const { session } = await desk(undefined, { signInSeededAdmin: false })
    await session.state()
    expect((await session.signIn({ login: 'admin', password: seedPassword })).operator).toMatchObject({ login: 'admin' })
  })

  it('drops a token the server no longer accepts, so the renderer shows the sign-in screen', async () => {
    const { session } = await desk()
    await session.state()
    portal.tokens.clear()
    await expect(session.getUser(2)).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    expect((await session.state()).operator).toBeNull()
  })

  it('keeps the token but holds the operator to choosing a new password when a call says a temporary password was set', async () => {
    const { session } = await desk()
    await session.state()
    portal.mustChangePassword = true
    await expect(session.getUser(2)).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' })
    expect((await session.state()).operator).toMatchObject({ login: 'admin', passwordChangeRequired: true })
    // Once the new password is chosen, main asks the server again and the restriction is gone.
    portal.mustChangePassword = false
    const refreshed = await session.refreshOperator()
    expect(refreshed.operator).toMatchObject({ login: 'admin' })
    expect(refreshed.operator?.passwordChangeRequired).toBeUndefined()
  })
})

describe('DeskSession, device tokens', () => {
  it('keeps the device token in the vault, per connection and login, and presents it at the next sign-in, after a restart too', async () => {
    const stores = { connections: memoryStore(), vault: memoryStore() }
    const first = await desk(stores, { signInSeededAdmin: false })
    const { activeConnectionId } = await first.session.state()
    const connectionId = activeConnectionId as string
    await first.session.signIn({ login: 'admin', password: seedPassword })
    expect(portal.presentedDeviceTokens).toEqual([undefined])
    const adminDevice = await first.vault.getDeviceToken(connectionId, 'admin')
    expect(adminDevice).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(JSON.stringify(stores.vault.data)).not.toContain(adminDevice)

    // Signing out keeps the device token, as a browser keeps a device cookie.
    await first.session.signOut()
    const again = await desk(stores, { signInSeededAdmin: false })
    await again.session.state()
    const state = await again.session.signIn({ login: 'admin', password: seedPassword })
    expect(portal.presentedDeviceTokens).toEqual([undefined, adminDevice])
    // Logins are told apart as the server does: trimmed and case-insensitive.
    expect(await again.vault.getDeviceToken(connectionId, ' ADMIN ')).toBe(adminDevice)
    // The renderer's state never holds it.
    expect(JSON.stringify(state)).not.toContain(adminDevice)

    // Another login on the same desk has its own, and never gets the administrator's.
    await again.session.signOut()
    await again.session.signIn({ login: 'support', password: seedPassword })
    expect(portal.presentedDeviceTokens.at(-1)).toBeUndefined()
    expect(await again.vault.getDeviceToken(connectionId, 'support')).not.toBe(adminDevice)
  })

  it('ignores a device token the renderer slips into the sign-in, and forgets the tokens of a removed connection', async () => {
    const { session, vault } = await desk(undefined, { signInSeededAdmin: false })
    const { activeConnectionId } = await session.state()
    const remote = await session.addConnection({ name: 'Same server, as remote', url: portal.url })
    await session.selectConnection(remote.id)
    await session.signIn({ login: 'admin', password: seedPassword, deviceToken: 'chosen-by-the-renderer' } as Parameters<typeof session.signIn>[0])
    expect(portal.presentedDeviceTokens).toEqual([undefined])
    expect(await vault.getDeviceToken(remote.id, 'admin')).not.toBeNull()
    await session.selectConnection(activeConnectionId as string)
    await session.removeConnection(remote.id)
    expect(await vault.getDeviceToken(remote.id, 'admin')).toBeNull()
  })
})

describe('DeskSession, connections', () => {
  it('adds a remote profile without switching to it', async () => {
    const { session } = await desk()
    const before = await session.state()
    const remote = await session.addConnection({ name: 'Production', url: 'https://portal.example.com/' })
    expect(remote).toMatchObject({ kind: 'remote', url: 'https://portal.example.com' })
    const after = await session.state()
    expect(after.activeConnectionId).toBe(before.activeConnectionId)
    expect(after.connections).toHaveLength(2)
    expect(session.connectionHosts()).toEqual(['portal.example.com'])
  })

  it('offers portaldesk:// links the names of its connections, leaving out a name two of them share', async () => {
    const { session } = await desk()
    await session.addConnection({ name: 'Production', url: 'https://portal.example.com/' })
    await session.addConnection({ name: 'Staging', url: 'https://staging.example.com/' })
    await session.addConnection({ name: 'Staging', url: 'https://staging2.example.com/' })
    expect(session.connectionNames()).toEqual(['Local portal', 'Production'])
  })

  it('switching signs out of the previous connection and reports an unreachable one', async () => {
    const { session, vault } = await desk()
    const local = await session.state()
    const [token] = [...portal.tokens]
    const remote = await session.addConnection({ name: 'Down', url: `http://127.0.0.1:${await refusedPort()}` })
    const state = await session.selectConnection(remote.id)
    expect(state.activeConnectionId).toBe(remote.id)
    expect(state.operator).toBeNull()
    expect(portal.loggedOut).toEqual([token])
    expect(await vault.getToken(local.activeConnectionId as string)).toBeNull()
    await expect(session.signIn({ login: 'admin', password: seedPassword })).rejects.toMatchObject({ code: 'UNREACHABLE' })
  })

  it('signs in to a remote portal and back to the local one', async () => {
    const { session } = await desk(undefined, { signInSeededAdmin: false })
    const local = await session.state()
    const remote = await session.addConnection({ name: 'Same server, as remote', url: portal.url })
    await session.selectConnection(remote.id)
    expect((await session.signIn({ login: 'admin', password: seedPassword })).operator).toMatchObject({ login: 'admin' })
    const back = await session.selectConnection(local.activeConnectionId as string)
    expect(back.operator).toBeNull()
    expect(portal.tokens.size).toBe(0)
  })

  it('refuses to sign in over a saved http:// profile to another computer that lacks the operator\'s choice', async () => {
    const saved = { id: 'old', kind: 'remote', name: 'Old staging', url: 'http://staging.example.com' }
    const { session } = await desk({ connections: memoryStore({ connections: { profiles: [saved], activeId: 'old' } }), vault: memoryStore() })
    const state = await session.state()
    expect(state.connections).toContainEqual(saved)
    expect(state.activeConnectionId).toBe('old')
    await expect(session.signIn({ login: 'admin', password: seedPassword })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [expect.objectContaining({ path: 'allowUnencrypted', reason: 'unencryptedNotAllowed' })]
    })
    await expect(session.addConnection({ name: 'New staging', url: 'http://staging.example.com' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('removes the active connection: signs out, stops the local portal, selects what remains', async () => {
    const { session, localPortal } = await desk()
    const local = await session.state()
    const remote = await session.addConnection({ name: 'Other', url: 'https://other.example.com' })
    const state = await session.removeConnection(local.activeConnectionId as string)
    expect(state.connections).toEqual([remote])
    expect(state.activeConnectionId).toBe(remote.id)
    expect(portal.tokens.size).toBe(0)
    expect(localPortal.status()).toEqual({ state: 'stopped' })
    await expect(session.removeConnection('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
