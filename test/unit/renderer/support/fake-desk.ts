import { vi, type Mock } from 'vitest'
import { channelNames } from '../../../../src/shared/ipc/channels'
import { methodName, type DeskClient } from '../../../../src/shared/ipc/desk-api'
import type { SessionState } from '../../../../src/shared/session'
import type { UserListItem } from '../../../../src/shared/users'

export function sessionState(overrides: Partial<SessionState> = {}): SessionState {
  return {
    connections: [{ id: 'local', kind: 'embedded', name: 'Local portal' }],
    activeConnectionId: 'local',
    operator: null,
    vault: { persistent: true, backend: 'test' },
    localPortal: { state: 'running' },
    connectionsReset: false,
    firstRunNotice: null,
    startupError: null,
    ...overrides
  }
}

export const admin = { id: 1, login: 'admin', name: 'Ada Admin', role: 'administrator' } as const

export function userItem(id: number, overrides: Partial<UserListItem> = {}): UserListItem {
  return {
    id,
    kind: 'portal',
    login: `user${id}`,
    name: `User ${id}`,
    email: `user${id}@example.com`,
    phone: null,
    company: 'Acme',
    website: 'acme.example.com',
    active: true,
    lastSignInAt: null,
    version: 1,
    ...overrides
  }
}

/** A mock that rejects until the test gives it an answer: an unexpected call fails loudly. */
function unstubbed(name: string) {
  return vi.fn().mockRejectedValue(new Error(`${name} is not stubbed in this test`))
}

/** Every DeskClient method as a typed vitest mock. */
export type FakeDesk = { [N in keyof DeskClient]: { [M in keyof DeskClient[N]]: Mock<DeskClient[N][M] extends Procedure ? DeskClient[N][M] : never> } }
type Procedure = (...args: never[]) => unknown

/**
 * A DeskClient for tests, built from the channel map so that a new channel needs no change here:
 * every method rejects until stubbed, except `session.state`, which answers signed out on the local portal,
 * and `desktop.setLanguage`, which every start of the app calls.
 */
export function fakeDesk(): FakeDesk {
  const tree: Record<string, Record<string, Mock>> = {}
  for (const channel of channelNames) {
    const { namespace, method } = methodName(channel)
    tree[namespace] ??= {}
    tree[namespace][method] = unstubbed(`${namespace}.${method}`)
  }
  tree.session?.state?.mockImplementation(() => Promise.resolve(sessionState()))
  // The app tells the desktop shell its language on every start; a test that cares stubs it again.
  tree.desktop?.setLanguage?.mockResolvedValue(null)
  return tree as unknown as FakeDesk
}
