import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
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
  headers: IncomingMessage['headers']
}

type Reply = (response: ServerResponse) => void
const replies = new Map<string, Reply>()
const seen: Seen[] = []
let server: TestServer
const token = 't'.repeat(43)

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers })
    const reply = replies.get(`${request.method} ${new URL(request.url ?? '/', 'http://x').pathname}`)
    if (reply) reply(response)
    else json(response, 404, { error: { code: 'NOT_FOUND', message: 'No route' } })
  })
})
afterAll(() => server.close())
beforeEach(() => {
  replies.clear()
  seen.length = 0
})

/** The real handler table over a session whose `call` hands a real PortalClient and a token. */
function table() {
  const client = new PortalClient({ baseUrl: server.url, timeoutMs: 2000 })
  const session = { call: (request: (c: PortalClient, t: string) => Promise<unknown>) => request(client, token) } as unknown as SessionService
  return createHandlerTable({ session })
}

function run(channel: string, input: unknown): Promise<DeskResult<unknown>> {
  return dispatch(table(), channel, input, { log: recordingLogger() })
}

const link = { id: 5, purpose: 'reset', sentAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-01T11:00:00Z', status: 'pending', usedAt: null, revokedAt: null }

describe('write channels', () => {
  it('send the ticket reference and the reason (percent-encoded UTF-8) as the audit headers, with the token', async () => {
    replies.set('POST /api/v1/users/7/reset-link', (response) => json(response, 200, { link, supersededCount: 0, mailId: '9', mailStatus: 'pending' }))
    const result = await run('security:send-reset-link', { id: 7, audit: { ticketRef: ' HD-1234 ', reason: '客户来电：忘记密码' } })

    expect(result).toEqual({ ok: true, value: { link, supersededCount: 0, mailId: '9', mailStatus: 'pending' } })
    const request = seen.at(-1)
    expect(request?.headers.authorization).toBe(`Bearer ${token}`)
    expect(request?.headers['x-ticket-ref']).toBe('HD-1234')
    expect(decodeURIComponent(String(request?.headers['x-reason']))).toBe('客户来电：忘记密码')
  })

  it('leave the audit headers out when no ticket or reason is given', async () => {
    replies.set('DELETE /api/v1/users/7/sessions', (response) => json(response, 200, { revoked: 2 }))
    expect(await run('security:revoke-sessions', { id: 7 })).toEqual({ ok: true, value: { revoked: 2 } })
    expect(seen.at(-1)?.method).toBe('DELETE')
    expect(seen.at(-1)?.headers['x-ticket-ref']).toBeUndefined()
    expect(seen.at(-1)?.headers['x-reason']).toBeUndefined()
  })

  it('refuse bad input before any request: a session id in words, a ticket over 64 characters, an unknown portal-access action', async () => {
    const refusals = [
      await run('security:revoke-session', { id: 7, sessionId: 'abc' }),
      await run('security:unlock', { id: 7, audit: { ticketRef: 'x'.repeat(65) } }),
      await run('security:portal-access', { id: 7, action: 'promote' }),
      await run('users:update', { id: 7, patch: { email: 'not an email', version: 3 } }),
      await run('users:set-avatar', { id: 7, contentType: 'image/gif', base64: 'AAAA' })
    ]
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(seen).toHaveLength(0)
  })

  it('carry a stale write\'s CONFLICT and the server\'s current version back to the renderer', async () => {
    replies.set('PATCH /api/v1/users/7', (response) =>
      json(response, 409, { error: { code: 'CONFLICT', message: 'Changed meanwhile', details: { currentVersion: 5 } } })
    )
    const result = await run('users:update', { id: 7, patch: { phone: '+49 30 1234567', version: 4 } })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(seen.at(-1)?.method).toBe('PATCH')
  })

  it('turn REAUTH_REQUIRED into its own code so the desk can ask for the password and retry', async () => {
    replies.set('DELETE /api/v1/users/7/2fa', (response) => json(response, 403, { error: { code: 'REAUTH_REQUIRED', message: 'Confirm your password' } }))
    expect(await run('security:disable-2fa', { id: 7 })).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } })
  })

  it('send an avatar as its raw bytes with its image type', async () => {
    let received: { type: string | undefined; bytes: Buffer } | null = null
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const bytesServer = await startTestServer(() => {})
    bytesServer.server.removeAllListeners('request')
    bytesServer.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        received = { type: request.headers['content-type'], bytes: Buffer.concat(chunks) }
        json(response, 404, { error: { code: 'NOT_FOUND', message: 'No such user' } })
      })
    })
    try {
      const client = new PortalClient({ baseUrl: bytesServer.url, timeoutMs: 2000 })
      const session = { call: (request: (c: PortalClient, t: string) => Promise<unknown>) => request(client, token) } as unknown as SessionService
      const result = await dispatch(createHandlerTable({ session }), 'users:set-avatar', { id: 7, contentType: 'image/png', base64: image.toString('base64') }, { log: recordingLogger() })
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(received).toEqual({ type: 'image/png', bytes: image })
    } finally {
      await bytesServer.close()
    }
  })

  it('hand an avatar to the renderer as a data: URL, and none when the server has none or sends something else', async () => {
    replies.set('GET /api/v1/users/7/avatar', (response) => {
      response.writeHead(200, { 'content-type': 'image/png' })
      response.end(Buffer.from([1, 2, 3]))
    })
    expect(await run('users:avatar', { id: 7 })).toEqual({ ok: true, value: { dataUrl: 'data:image/png;base64,AQID' } })
    expect(seen.at(-1)?.headers.authorization).toBe(`Bearer ${token}`)

    replies.set('GET /api/v1/users/8/avatar', (response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<script>alert(1)</script>')
    })
    expect(await run('users:avatar', { id: 8 })).toEqual({ ok: true, value: { dataUrl: null } })
    expect(await run('users:avatar', { id: 9 })).toEqual({ ok: true, value: { dataUrl: null } })
  })
})
