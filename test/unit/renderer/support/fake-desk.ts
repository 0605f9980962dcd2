import { vi } from 'vitest'
import type { DeskClient } from '../../../../src/shared/ipc/desk-api'
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
function unstubbed<F extends (...args: never[]) => Promise<unknown>>(name: string) {
  return vi.fn<F>().mockRejectedValue(new Error(`${name} is not stubbed in this test`))
}

type Api = DeskClient

/** A DeskClient for tests: the session is signed out on the local portal unless stubbed otherwise. */
export function fakeDesk() {
  return {
    session: {
      state: vi.fn<Api['session']['state']>(() => Promise.resolve(sessionState())),
      signIn: unstubbed<Api['session']['signIn']>('session.signIn'),
      signOut: unstubbed<Api['session']['signOut']>('session.signOut'),
      dismissNotice: unstubbed<Api['session']['dismissNotice']>('session.dismissNotice')
    },
    connections: {
      add: unstubbed<Api['connections']['add']>('connections.add'),
      remove: unstubbed<Api['connections']['remove']>('connections.remove'),
      select: unstubbed<Api['connections']['select']>('connections.select')
    },
    users: {
      list: unstubbed<Api['users']['list']>('users.list'),
      get: unstubbed<Api['users']['get']>('users.get'),
      paymentMethods: unstubbed<Api['users']['paymentMethods']>('users.paymentMethods'),
      signIns: unstubbed<Api['users']['signIns']>('users.signIns'),
      audit: unstubbed<Api['users']['audit']>('users.audit')
    }
  } satisfies DeskClient
}

export type FakeDesk = ReturnType<typeof fakeDesk>
