import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlerTable } from '../../../src/main/ipc/handlers'
import { PortalClient } from '../../../src/main/portal-client/portal-client'
import type { SessionService } from '../../../src/main/session/desk-session'
import type { DeskResult } from '../../../src/shared/ipc/desk-api'
import { recordingLogger } from './support/fakes'
import { json, startTestServer, type TestServer } from './support/http-server'

interface Seen {
  method: string
  url: string
  authorization: string | undefined
  body: string
}

const replies = new Map<string, (response: ServerResponse) => void>()
const seen: Seen[] = []
let server: TestServer
const token = 'a'.repeat(43)
const account = { twoFactor: { enabled: true, enabledAt: '2026-12-02T10:00:00.000Z', required: true } }

beforeAll(async () => {
  server = await startTestServer((request: IncomingMessage, response, body) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body })
    const reply = replies.get(`${request.method} ${request.url}`)
    if (reply) reply(response)
    else json(response, 404, { error: { code: 'NOT_FOUND', message: 'No route' } })
  })
})
afterAll(() => server.close())
beforeEach(() => {
  replies.clear()
  seen.length = 0
})

function run(channel: string, input: unknown, refreshOperator = vi.fn(async () => ({}) as never)): Promise<DeskResult<unknown>> {
  const client = new PortalClient({ baseUrl: server.url, timeoutMs: 2000 })
  const session = { call: (request: (c: PortalClient, t: string) => Promise<unknown>) => request(client, token), refreshOperator } as unknown as SessionService
  return dispatch(createHandlerTable({ session }), channel, input, { log: recordingLogger() })
}

describe('My account channels', () => {
  it('change the password on /auth/account/password with the operator token and the two passwords only', async () => {
    replies.set('POST /api/v1/auth/account/password', (response) => json(response, 200, { sessionsRevoked: 2 }))
    const refreshOperator = vi.fn(async () => ({}) as never)
    const result = await run('account:change-password', { currentPassword: 'old', newPassword: 'Quartz-Lantern-Orbit-58' }, refreshOperator)
    expect(result).toEqual({ ok: true, value: { sessionsRevoked: 2 } })
    // A new password lifts a temporary one's restriction: the operator is read again.
    expect(refreshOperator).toHaveBeenCalledOnce()
    expect(seen[0]).toMatchObject({ authorization: `Bearer ${token}` })
    expect(JSON.parse(seen[0]!.body)).toEqual({ currentPassword: 'old', newPassword: 'Quartz-Lantern-Orbit-58' })
  })

  it('confirm a TOTP code and then ask the server again who the operator is', async () => {
    replies.set('POST /api/v1/auth/account/2fa/confirm', (response) => json(response, 200, account))
    const refreshOperator = vi.fn(async () => ({}) as never)
    expect(await run('account:confirm-2fa', { code: '123 456' }, refreshOperator)).toEqual({ ok: true, value: account })
    expect(JSON.parse(seen[0]!.body)).toEqual({ code: '123456' })
    expect(refreshOperator).toHaveBeenCalledOnce()
  })

  it('refuse a malformed code before any request, with words', async () => {
    const result = await run('account:confirm-2fa', { code: '12ab' })
    expect(result.ok).toBe(false)
    expect(seen).toHaveLength(0)
  })

  it('end one session by its id, and the others in one call', async () => {
    replies.set('DELETE /api/v1/auth/account/sessions/42', (response) => json(response, 200, { revoked: 1 }))
    replies.set('POST /api/v1/auth/account/sessions/others', (response) => json(response, 200, { revoked: 3 }))
    expect(await run('account:revoke-session', { sessionId: '42' })).toEqual({ ok: true, value: { revoked: 1 } })
    expect(await run('account:revoke-other-sessions', undefined)).toEqual({ ok: true, value: { revoked: 3 } })
  })

  it('keep the policy refusal as TWO_FACTOR_REQUIRED', async () => {
    replies.set('GET /api/v1/auth/account/sessions', (response) => json(response, 403, { error: { code: 'TWO_FACTOR_REQUIRED', message: 'Set up 2FA' } }))
    const refused = await run('account:sessions', undefined)
    expect(refused).toMatchObject({ ok: false, error: { code: 'TWO_FACTOR_REQUIRED' } })
  })
})
