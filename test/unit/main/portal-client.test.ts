import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskUserAgent, PortalClient } from '../../../src/main/portal-client/portal-client'
import { releaseVersion } from '../../../src/shared/version'
import { toDeskError } from '../../../src/main/portal-client/to-desk-error'
import { DeskError, errorMessages, type ErrorCode } from '../../../src/shared/errors'
import type { ParsedUserListQuery } from '../../../src/shared/users'
import { json, refusedPort, startTestServer, type TestServer } from './support/http-server'

type Reply = (response: ServerResponse) => void
const replies = new Map<string, Reply>()
const seen: Array<{ url: string; authorization: string | undefined }> = []
let server: TestServer

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization })
    const reply = replies.get(new URL(request.url ?? '/', 'http://x').pathname)
    if (reply) reply(response)
    else json(response, 404, { error: { code: 'NOT_FOUND', message: 'No route' } })
  })
})
afterAll(() => server.close())

const token = 'b'.repeat(43)
const query: ParsedUserListQuery = { kind: 'portal', sort: 'name', limit: 50, q: 'wei' }
const emptyPage = { items: [], nextCursor: null, facets: { kind: { portal: 3, internal: 1 } } }

function failWith(status: number, body: unknown): void {
  replies.set('/api/v1/users', (response) => json(response, status, body))
}

async function codeOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

describe('PortalClient', () => {
  it('adds the bearer token in main and parses answers with the shared schemas', async () => {
    replies.set('/api/v1/users', (response) => json(response, 200, emptyPage))
    const client = new PortalClient({ baseUrl: server.url })
    expect(await client.listUsers(token, query)).toEqual(emptyPage)
    const request = seen.at(-1)
    expect(request?.authorization).toBe(`Bearer ${token}`)
    expect(request?.url).toBe('/api/v1/users?kind=portal&sort=name&limit=50&q=wei')
  })

  it('asks for a user\'s payment methods, sign-ins and audit timeline with the token', async () => {
    const card = { id: 3, provider: 'stripe', brand: 'visa', masked: '•••• 4242', expiry: '12/2030', expired: false, addedAt: '2025-01-01T00:00:00Z' }
    replies.set('/api/v1/users/7/payment-methods', (response) => json(response, 200, { items: [card] }))
    replies.set('/api/v1/users/7/sign-ins', (response) => json(response, 200, { items: [], recentFailures: { count: 0, since: null } }))
    replies.set('/api/v1/audit', (response) => json(response, 200, { items: [], nextCursor: null }))
    const client = new PortalClient({ baseUrl: server.url })

    expect(await client.listPaymentMethods(token, 7)).toEqual({ items: [card] })
    expect(seen.at(-1)).toEqual({ url: '/api/v1/users/7/payment-methods', authorization: `Bearer ${token}` })
    expect(await client.listSignIns(token, 7)).toEqual({ items: [], recentFailures: { count: 0, since: null } })
    expect(seen.at(-1)?.url).toBe('/api/v1/users/7/sign-ins')
    expect(await client.listAudit(token, { userId: 7, action: 'user.update', limit: 50 })).toEqual({ items: [], nextCursor: null })
    expect(seen.at(-1)?.url).toBe('/api/v1/audit?userId=7&action=user.update&limit=50')
  })

  it('refuses a payment method whose card number is more than its last four digits', async () => {
    const leaky = { id: 3, provider: 'stripe', brand: 'visa', masked: '4242 4242 4242 4242', expiry: '12/2030', expired: false, addedAt: '2025-01-01T00:00:00Z' }
    replies.set('/api/v1/users/8/payment-methods', (response) => json(response, 200, { items: [leaky] }))
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listPaymentMethods(token, 8))).code).toBe('SERVER')
  })

  it('sends no token on login and returns the operator', async () => {
    const operator = { id: 1, login: 'admin', name: 'Admin', role: 'administrator' }
    replies.set('/api/v1/auth/login', (response) => json(response, 200, { token, expiresAt: '2030-01-01T00:00:00.000Z', operator }))
    const result = await new PortalClient({ baseUrl: server.url }).login({ login: 'admin', password: 'pw' })
    expect(result.operator).toEqual(operator)
    expect(seen.at(-1)?.authorization).toBeUndefined()
  })

  const statusCases: Array<[number, unknown, ErrorCode]> = [
    [401, { error: { code: 'UNAUTHORIZED', message: 'expired' } }, 'UNAUTHORIZED'],
    [401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong login or password.' } }, 'INVALID_CREDENTIALS'],
    [401, 'not json', 'UNAUTHORIZED'],
    [403, { error: { code: 'FORBIDDEN', message: 'no' } }, 'FORBIDDEN'],
    [404, { error: { code: 'NOT_FOUND', message: 'no' } }, 'NOT_FOUND'],
    [409, { error: { code: 'CONFLICT', message: 'stale' } }, 'CONFLICT'],
    [413, { error: { code: 'VALIDATION', message: 'too big' } }, 'VALIDATION'],
    [415, { error: { code: 'VALIDATION', message: 'json please' } }, 'VALIDATION'],
    [422, { error: { code: 'VALIDATION', message: 'bad' } }, 'VALIDATION'],
    [429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, 'RATE_LIMITED'],
    [500, { error: { code: 'SERVER', message: 'boom' } }, 'SERVER'],
    [502, '<html>Bad gateway</html>', 'SERVER'],
    [503, {}, 'SERVER'],
    // The server's own code counts when it agrees with the status…
    [403, { error: { code: 'REAUTH_REQUIRED', message: 'Confirm your password' } }, 'REAUTH_REQUIRED'],
    [403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password', details: { reason: 'passwordChangeRequired' } } }, 'PASSWORD_CHANGE_REQUIRED'],
    [503, { error: { code: 'UNAVAILABLE', message: 'database down' } }, 'UNAVAILABLE'],
    [403, 'not json', 'FORBIDDEN'],
    // …and the status decides when the body says nothing, or something that contradicts it.
    [500, { error: { code: 'INVALID_CREDENTIALS', message: 'liar' } }, 'SERVER'],
    [500, { error: { code: 'UNAVAILABLE', message: 'wrong status' } }, 'SERVER'],
    [403, { error: { code: 'UNAVAILABLE', message: 'wrong status' } }, 'FORBIDDEN'],
    [401, { error: { code: 'REAUTH_REQUIRED', message: 'wrong status' } }, 'UNAUTHORIZED'],
    [404, { error: { code: 'REAUTH_REQUIRED', message: 'wrong status' } }, 'NOT_FOUND'],
    [409, { error: { code: 'TEAPOT', message: 'unknown code' } }, 'CONFLICT'],
    [503, '<html>Service Unavailable</html>', 'SERVER']
  ]
  it.each(statusCases)('maps HTTP %i to its code', async (status, body, code) => {
    failWith(status, body)
    const error = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
    expect(error.code).toBe(code)
    expect(error.message).toBe(errorMessages[code].en)
  })

  it('keeps the server field details of a 400', async () => {
    const details = [{ path: 'limit', message: 'Too big' }]
    failWith(400, { error: { code: 'VALIDATION', message: 'bad', details } })
    const error = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
    expect(error.toShape()).toEqual({ code: 'VALIDATION', message: errorMessages.VALIDATION.en, details })
  })

  it('keeps the reason of a field issue, so that the desk words it without matching English', async () => {
    const details = [{ path: 'newPassword', message: 'Choose a password different from the current one.', reason: 'sameAsCurrentPassword' }]
    failWith(400, { error: { code: 'VALIDATION', message: 'bad', details } })
    const error = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
    expect(error.toShape()).toEqual({ code: 'VALIDATION', message: errorMessages.VALIDATION.en, details })
  })

  it('keeps the field issues of a refusal for a missing ticket reference', async () => {
    const details = [{ path: 'X-Ticket-Ref', message: 'Support agents must give a ticket reference (X-Ticket-Ref) for security actions.' }]
    failWith(400, { error: { code: 'VALIDATION', message: 'ticket', details } })
    const error = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
    expect(error.toShape()).toEqual({ code: 'VALIDATION', message: errorMessages.VALIDATION.en, details })
  })

  it('keeps the current version of a stale write, and the field of a duplicate', async () => {
    failWith(409, { error: { code: 'CONFLICT', message: 'stale', details: { currentVersion: 7 } } })
    const stale = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
    expect(stale.toShape()).toEqual({ code: 'CONFLICT', message: errorMessages.CONFLICT.en, details: { currentVersion: 7 } })

    const issues = [{ path: 'email', message: 'Another record already uses this email.' }]
    failWith(409, { error: { code: 'CONFLICT', message: 'duplicate', details: issues } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual(issues)
  })

  it('keeps how many tries a wrong verification code leaves, and nothing odd in its place', async () => {
    failWith(400, { error: { code: 'VALIDATION', message: 'wrong code', details: { attemptsLeft: 3 } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual({ attemptsLeft: 3 })
    for (const attemptsLeft of [-1, 2.5, 'three', 1e9]) {
      failWith(400, { error: { code: 'VALIDATION', message: 'wrong code', details: { attemptsLeft, secret: 'x' } } })
      expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details, String(attemptsLeft)).toBeUndefined()
    }
  })

  it('keeps the per-user mail limit’s numbers and the own-password pointer, so that the desk can word them', async () => {
    const limit = { reason: 'mailLimit', limit: 5, windowMinutes: 60, retryAfterSeconds: 700 }
    failWith(429, { error: { code: 'RATE_LIMITED', message: 'At most 5 emails an hour', details: { ...limit, secret: 'x' } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).toShape()).toEqual({ code: 'RATE_LIMITED', message: errorMessages.RATE_LIMITED.en, details: limit })
    for (const odd of [{ ...limit, limit: 'five' }, { ...limit, reason: 'other' }, { retryAt: '2026-01-01T00:00:00Z' }]) {
      failWith(429, { error: { code: 'RATE_LIMITED', message: 'slow down', details: odd } })
      expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details, JSON.stringify(odd)).toBeUndefined()
    }
    const pointer = { reason: 'ownAccount', use: '/api/v1/auth/account/password' }
    failWith(409, { error: { code: 'CONFLICT', message: 'own password', details: pointer } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual(pointer)
    failWith(409, { error: { code: 'CONFLICT', message: 'own password', details: { reason: 'ownAccount', use: 'https://evil.example/' } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual({ reason: 'ownAccount' })
  })

  it('keeps a refusal reason of the shared enum, on the details or a field issue, and drops any other', async () => {
    failWith(409, { error: { code: 'CONFLICT', message: 'This user is already archived.', details: { reason: 'alreadyArchived', secret: 'x' } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).toShape()).toEqual({
      code: 'CONFLICT',
      message: errorMessages.CONFLICT.en,
      details: { reason: 'alreadyArchived' }
    })
    failWith(403, { error: { code: 'FORBIDDEN', message: 'Support may only…', details: [{ path: 'mustChange', message: 'Support may only…', reason: 'supportTemporaryOnly' }] } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual({ reason: 'supportTemporaryOnly' })
    failWith(409, { error: { code: 'CONFLICT', message: 'not locked', details: [{ path: 'locked', message: 'The account is not locked.', reason: 'notLocked', html: '<b>' }] } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details).toEqual([{ path: 'locked', message: 'The account is not locked.', reason: 'notLocked' }])

    for (const reason of ['madeUpReason', 'The server answered in an unexpected shape.', 42, { nested: true }]) {
      failWith(409, { error: { code: 'CONFLICT', message: 'odd', details: { reason } } })
      expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details, JSON.stringify(reason)).toBeUndefined()
      failWith(409, { error: { code: 'CONFLICT', message: 'odd', details: [{ path: 'locked', message: 'odd', reason }] } })
      expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).details, JSON.stringify(reason)).toEqual([{ path: 'locked', message: 'odd' }])
    }
  })

  it('keeps whether a sign-in waits for a 2FA code, and drops anything else an INVALID_CREDENTIALS carries', async () => {
    const refuseLogin = (body: unknown) => replies.set('/api/v1/auth/login', (response) => json(response, 401, body))
    for (const otp of ['required', 'invalid'] as const) {
      refuseLogin( { error: { code: 'INVALID_CREDENTIALS', message: 'code', details: { otp, secret: 'x' } } })
      const refused = await codeOf(new PortalClient({ baseUrl: server.url }).login({ login: 'admin', password: 'pw' }))
      expect(refused.toShape()).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS.en, details: { otp } })
    }
    refuseLogin({ error: { code: 'INVALID_CREDENTIALS', message: 'odd', details: { otp: 'maybe' } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).login({ login: 'admin', password: 'pw' }))).details).toBeUndefined()
  })

  it('drops details that are neither field issues nor a version', async () => {
    const cases: unknown[] = [{ currentVersion: 'seven' }, { currentVersion: -1 }, { currentVersion: 1.5 }, { secret: 'x', stack: 'at …' }, ['not an issue'], 'text']
    for (const details of cases) {
      failWith(409, { error: { code: 'CONFLICT', message: 'odd', details } })
      const error = await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))
      expect(error.toShape(), JSON.stringify(details)).toEqual({ code: 'CONFLICT', message: errorMessages.CONFLICT.en })
    }
    failWith(403, { error: { code: 'REAUTH_REQUIRED', message: 'again', details: { currentVersion: 3 } } })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).toShape()).toEqual({
      code: 'REAUTH_REQUIRED',
      message: errorMessages.REAUTH_REQUIRED.en
    })
  })

  it('treats a 200 with an unexpected body as a SERVER failure', async () => {
    replies.set('/api/v1/users', (response) => json(response, 200, { items: 'nope' }))
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).code).toBe('SERVER')
    replies.set('/api/v1/users', (response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"items": [')
    })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).code).toBe('SERVER')
  })

  it('does not follow a redirect that could carry the token elsewhere', async () => {
    replies.set('/api/v1/users', (response) => {
      response.writeHead(302, { location: 'https://evil.example/steal' })
      response.end()
    })
    expect((await codeOf(new PortalClient({ baseUrl: server.url }).listUsers(token, query))).code).toBe('SERVER')
  })

  it('reports a refused connection as UNREACHABLE', async () => {
    const port = await refusedPort()
    expect((await codeOf(new PortalClient({ baseUrl: `http://127.0.0.1:${port}` }).health())).code).toBe('UNREACHABLE')
  })

  it('reports an unknown host as UNREACHABLE', async () => {
    expect((await codeOf(new PortalClient({ baseUrl: 'http://portaldesk-no-such-host.invalid' }).health())).code).toBe('UNREACHABLE')
  })

  it('gives up on a hung server after the timeout with UNREACHABLE', async () => {
    replies.set('/api/v1/health', () => {
      // Never answers.
    })
    const started = Date.now()
    expect((await codeOf(new PortalClient({ baseUrl: server.url, timeoutMs: 300 }).health())).code).toBe('UNREACHABLE')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('gives up on a server that sends headers then trickles the body', async () => {
    replies.set('/api/v1/health', (response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"status":')
      const drip = setInterval(() => response.write(' '), 50)
      response.on('close', () => clearInterval(drip))
    })
    expect((await codeOf(new PortalClient({ baseUrl: server.url, timeoutMs: 400 }).health())).code).toBe('UNREACHABLE')
  })
})

describe('toDeskError', () => {
  it('keeps a DeskError and turns unknown things into INTERNAL', () => {
    const conflict = new DeskError('CONFLICT')
    expect(toDeskError(conflict)).toBe(conflict)
    expect(toDeskError(new TypeError('x')).code).toBe('INTERNAL')
    expect(toDeskError('string').code).toBe('INTERNAL')
  })
})

describe('deskUserAgent', () => {
  it("names the desk and the operator's system, so that their session list says where they signed in", () => {
    // The renderer's deviceOf reads these as "PortalDesk · Linux", "PortalDesk · Windows", "PortalDesk · macOS".
    expect(deskUserAgent('linux')).toBe(`PortalDesk/${releaseVersion} (X11; Linux)`)
    expect(deskUserAgent('win32')).toBe(`PortalDesk/${releaseVersion} (Windows NT)`)
    expect(deskUserAgent('darwin')).toBe(`PortalDesk/${releaseVersion} (Macintosh; Mac OS X)`)
  })
})
