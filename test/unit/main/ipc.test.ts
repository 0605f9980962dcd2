import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { HandlerTable } from '../../../src/main/ipc/handler-table'
import { createHandlerTable } from '../../../src/main/ipc/handlers'
import { registerHandlers, type InvokeEvent, type IpcMainLike } from '../../../src/main/ipc/register'
import type { SessionService } from '../../../src/main/session/desk-session'
import { isAllowedSender } from '../../../src/main/window/app-origin'
import { DeskError } from '../../../src/shared/errors'
import { channelNames } from '../../../src/shared/ipc/channels'
import type { DeskResult } from '../../../src/shared/ipc/desk-api'
import type { SessionState } from '../../../src/shared/session'
import type { UserDetail } from '../../../src/shared/users'
import { recordingLogger } from './support/fakes'

const state: SessionState = {
  connections: [{ id: 'local', kind: 'embedded', name: 'Local portal' }],
  activeConnectionId: 'local',
  operator: { id: 1, login: 'admin', name: 'Administrator', role: 'administrator' },
  vault: { persistent: true, backend: 'gnome_libsecret' },
  localPortal: { state: 'running' },
  connectionsReset: false,
  firstRunNotice: null,
  startupError: null
}

const user: UserDetail = {
  id: 7,
  kind: 'portal',
  login: 'li.wei',
  name: 'Li Wei',
  email: 'li.wei@example.com',
  phone: null,
  company: 'Acme',
  website: 'acme.example.com',
  active: true,
  lastSignInAt: null,
  version: 1,
  firstName: 'Wei',
  lastName: 'Li',
  role: null,
  language: 'zh-CN',
  city: null,
  country: 'CN',
  companyId: 1,
  websiteId: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z'
}

function fakeSession(overrides: Partial<SessionService> = {}): SessionService {
  const returnsState = async () => state
  return {
    state: returnsState,
    signIn: returnsState,
    signOut: returnsState,
    dismissNotice: returnsState,
    addConnection: async (input) => ({ id: 'r1', kind: 'remote', name: input.name, url: String(input.url) }),
    removeConnection: returnsState,
    selectConnection: returnsState,
    listUsers: async () => ({ items: [], nextCursor: null, facets: { kind: { portal: 0, internal: 0 } } }),
    getUser: async () => user,
    listPaymentMethods: async () => ({ items: [] }),
    listSignIns: async () => ({ items: [], recentFailures: { count: 0, since: null } }),
    listAudit: async () => ({ items: [], nextCursor: null }),
    call: () => Promise.reject(new Error('call is not stubbed in this test')),
    refreshOperator: returnsState,
    ...overrides
  }
}

const context = () => ({ log: recordingLogger() })

describe('dispatch', () => {
  it('runs the handler with the parsed input and returns its validated output', async () => {
    const getUser = vi.fn(async () => user)
    const result = await dispatch(createHandlerTable({ session: fakeSession({ getUser }) }), 'users:get', { id: '7' }, context())
    expect(getUser).toHaveBeenCalledWith(7)
    expect(result).toEqual({ ok: true, value: user })
  })

  it('answers a user\'s payment methods, sign-ins and audit timeline from the session', async () => {
    const card = { id: 3, provider: 'stripe', brand: 'visa', masked: '•••• 4242', expiry: '12/2030', expired: false, addedAt: '2025-01-01T00:00:00Z' }
    const attempt = { id: '9', at: '2026-01-01T00:00:00Z', success: false, audience: 'portal', ip: '203.0.113.5', userAgent: 'Firefox', reason: 'bad_password' } as const
    const listPaymentMethods = vi.fn(async () => ({ items: [card] }))
    const listSignIns = vi.fn(async () => ({ items: [attempt], recentFailures: { count: 1, since: null } }))
    const listAudit = vi.fn(async () => ({ items: [], nextCursor: null }))
    const table = createHandlerTable({ session: fakeSession({ listPaymentMethods, listSignIns, listAudit }) })

    expect(await dispatch(table, 'users:payment-methods', { id: '7' }, context())).toEqual({ ok: true, value: { items: [card] } })
    expect(listPaymentMethods).toHaveBeenCalledWith(7)
    expect(await dispatch(table, 'users:sign-ins', { id: 7 }, context())).toEqual({ ok: true, value: { items: [attempt], recentFailures: { count: 1, since: null } } })
    expect(listSignIns).toHaveBeenCalledWith(7)
    expect(await dispatch(table, 'users:audit', { userId: '7', action: 'password.set' }, context())).toEqual({ ok: true, value: { items: [], nextCursor: null } })
    expect(listAudit).toHaveBeenCalledWith(expect.objectContaining({ userId: 7, action: 'password.set', limit: 50 }))
  })

  it('refuses an audit query without a user, or with a malformed action, before calling the session', async () => {
    const listAudit = vi.fn(async () => ({ items: [], nextCursor: null }))
    const table = createHandlerTable({ session: fakeSession({ listAudit }) })
    expect(await dispatch(table, 'users:audit', {}, context())).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(table, 'users:audit', { userId: 7, action: 'DROP TABLE' }, context())).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(listAudit).not.toHaveBeenCalled()
  })

  it('passes a refusal of the security lists through as FORBIDDEN', async () => {
    const table = createHandlerTable({ session: fakeSession({ listSignIns: async () => Promise.reject(new DeskError('FORBIDDEN')) }) })
    expect(await dispatch(table, 'users:sign-ins', { id: 7 }, context())).toEqual({ ok: false, error: new DeskError('FORBIDDEN').toShape() })
  })

  it('rejects an unknown channel, including prototype names', async () => {
    const table = createHandlerTable({ session: fakeSession() })
    for (const channel of ['users:delete', '__proto__', 'constructor', 42, null]) {
      const result = await dispatch(table, channel, undefined, context())
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('rejects bad input with field details and does not run the handler', async () => {
    const signIn = vi.fn(async () => state)
    const table = createHandlerTable({ session: fakeSession({ signIn }) })
    const result = await dispatch(table, 'session:sign-in', { login: '', password: 42 }, context())
    expect(signIn).not.toHaveBeenCalled()
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'login' }), expect.objectContaining({ path: 'password' })])
    )
  })

  it('rejects an invalid connection URL before the service sees it', async () => {
    const addConnection = vi.fn()
    const table = createHandlerTable({ session: fakeSession({ addConnection }) })
    const result = await dispatch(table, 'connections:add', { name: 'Evil', url: 'javascript:alert(1)' }, context())
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'url' }] } })
    expect(addConnection).not.toHaveBeenCalled()
  })

  it('keeps the code of a thrown DeskError', async () => {
    const table = createHandlerTable({ session: fakeSession({ getUser: async () => Promise.reject(new DeskError('NOT_FOUND')) }) })
    expect(await dispatch(table, 'users:get', { id: 1 }, context())).toEqual({ ok: false, error: new DeskError('NOT_FOUND').toShape() })
  })

  it('turns anything else into INTERNAL and logs it without the secret it carried', async () => {
    const log = recordingLogger()
    const secret = 'Bearer 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
    const table = createHandlerTable({ session: fakeSession({ signOut: async () => Promise.reject(new Error(`socket hang up with ${secret}`)) }) })
    const result = await dispatch(table, 'session:sign-out', undefined, { log })
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(log.lines.join('\n')).toContain('session:sign-out')
    expect(log.lines.join('\n')).not.toContain('9f86d081884c7d659a2feaa0c55ad015')
  })

  it('refuses output that breaks the contract (a token leaking into the state is stripped or refused)', async () => {
    const leaky = { ...state, token: 'a'.repeat(64) }
    const table = createHandlerTable({ session: fakeSession({ state: async () => leaky }) })
    const result = await dispatch(table, 'session:state', undefined, context())
    expect(JSON.stringify(result)).not.toContain('a'.repeat(64))
    const broken = createHandlerTable({ session: fakeSession({ getUser: async () => ({ ...user, id: -1 }) }) })
    expect(await dispatch(broken, 'users:get', { id: 1 }, context())).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('createHandlerTable', () => {
  it('has exactly one handler per channel of the contract', () => {
    const table: HandlerTable = createHandlerTable({ session: fakeSession() })
    expect(Object.keys(table).sort()).toEqual([...channelNames].sort())
  })
})

describe('registerHandlers', () => {
  type Listener = (event: InvokeEvent, input: unknown) => Promise<DeskResult<unknown>>
  function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
    const listeners = new Map<string, Listener>()
    return {
      listeners,
      handle: (channel, listener) => {
        if (listeners.has(channel)) throw new Error(`second handler for ${channel}`)
        listeners.set(channel, listener)
      }
    }
  }
  const origins = { devServerUrl: null }
  const appFrame = { url: 'app://portaldesk/index.html', parent: null }

  it('registers every channel once and nothing at import time', () => {
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain, createHandlerTable({ session: fakeSession() }), { isAllowedSender: (f) => isAllowedSender(f, origins), log: recordingLogger() })
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...channelNames].sort())
  })

  it('answers the app frame and refuses a wrong sender without running the handler', async () => {
    const ipcMain = fakeIpcMain()
    const listUsers = vi.fn(async () => ({ items: [], nextCursor: null, facets: { kind: { portal: 0, internal: 0 } } }))
    registerHandlers(ipcMain, createHandlerTable({ session: fakeSession({ listUsers }) }), {
      isAllowedSender: (f) => isAllowedSender(f, origins),
      log: recordingLogger()
    })
    const list = ipcMain.listeners.get('users:list') as Listener
    expect(await list({ senderFrame: appFrame }, {})).toMatchObject({ ok: true })
    expect(listUsers).toHaveBeenCalledTimes(1)

    const hostile: Array<InvokeEvent['senderFrame']> = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'app://portaldesk/index.html', parent: appFrame },
      { url: 'http://localhost:5173/', parent: null }
    ]
    for (const senderFrame of hostile) {
      expect(await list({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(listUsers).toHaveBeenCalledTimes(1)
  })

  it('validates input after the sender check', async () => {
    const ipcMain = fakeIpcMain()
    registerHandlers(ipcMain, createHandlerTable({ session: fakeSession() }), { isAllowedSender: () => true, log: recordingLogger() })
    const get = ipcMain.listeners.get('users:get') as Listener
    expect(await get({ senderFrame: appFrame }, { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'id' }] } })
  })
})
