import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OperatorRole } from '../../../src/shared/auth'
import type { AuthService, OperatorSession } from '../../../src/server/domain/auth/auth-service'
import { sendError } from '../../../src/server/http/errors'
import { operatorGuard } from '../../../src/server/http/operator-guard'
import { authorize, operatorContext, requirePermission, requireReauth } from '../../../src/server/http/request-context'

/** Tokens of this fake: `<role>-<fresh|stale>` padded to a well-formed 43-character bearer token. */
const tokenFor = (role: OperatorRole, fresh: boolean) => `${role}-${fresh ? 'fresh' : 'stale'}`.padEnd(43, 'x')

const fakeAuth = {
  async authenticate(token: string): Promise<OperatorSession | null> {
    const match = /^(administrator|support)-(fresh|stale)x+$/.exec(token)
    if (!match) return null
    const role = match[1] as OperatorRole
    return {
      sessionId: '1',
      operator: { id: role === 'administrator' ? 1 : 2, login: role, name: role, role },
      expiresAt: new Date('2030-01-01T00:00:00Z'),
      reauthenticatedUntil: match[2] === 'fresh' ? new Date('2030-01-01T00:00:00Z') : null
    }
  }
} as unknown as AuthService

describe('operator guard, authorize and the re-authentication guard', () => {
  let app: FastifyInstance

  beforeAll(async () => {
    app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    app.decorateRequest('operatorSession', null)
    app.decorateRequest('auditHeaders', null)
    app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
    const guard = operatorGuard(fakeAuth)
    app.post('/portal-user/unlock', { onRequest: guard }, async (request) => {
      const context = authorize(request, 'lock.unlock', { kind: 'portal', id: 50 })
      return { ticketRef: context.ticketRef, reason: context.reason, ip: context.ip, userAgent: context.userAgent }
    })
    app.post('/internal-user/unlock', { onRequest: guard }, async (request) => {
      authorize(request, 'lock.unlock', { kind: 'internal', id: 7 })
      return { ok: true }
    })
    app.get('/outbox', { onRequest: [guard, requirePermission('outbox.read')] }, async () => ({ ok: true }))
    app.post('/sensitive', { onRequest: [guard, requireReauth] }, async (request) => ({ reauthFresh: operatorContext(request).reauthFresh }))
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
  })

  const call = (method: 'GET' | 'POST', url: string, token: string | null, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } })
  const codeOf = (response: { json(): unknown }) => (response.json() as { error: { code: string } }).error.code

  it('gives the route the ticket, reason, IP and user agent', async () => {
    const response = await call('POST', '/portal-user/unlock', tokenFor('support', false), {
      'x-ticket-ref': ' HD-77 ',
      'x-reason': encodeURIComponent('Kunde hat angerufen'),
      'user-agent': 'PortalDesk/0.1.0'
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ticketRef: 'HD-77', reason: 'Kunde hat angerufen', ip: '127.0.0.1', userAgent: 'PortalDesk/0.1.0' })
  })

  it('answers 401 before anything else for an anonymous caller, even with bad headers', async () => {
    const response = await call('POST', '/portal-user/unlock', null, { 'x-ticket-ref': "'; drop" })
    expect(response.statusCode).toBe(401)
  })

  it('answers a malformed ticket or reason with 400', async () => {
    const response = await call('POST', '/portal-user/unlock', tokenFor('administrator', true), { 'x-ticket-ref': 'x'.repeat(65) })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION')
  })

  it('requires a ticket from support for a security action (400 naming X-Ticket-Ref), not from an administrator', async () => {
    const support = await call('POST', '/portal-user/unlock', tokenFor('support', true))
    expect(support.statusCode).toBe(400)
    expect(support.json()).toMatchObject({ error: { code: 'VALIDATION', details: [{ path: 'X-Ticket-Ref' }] } })
    expect((await call('POST', '/portal-user/unlock', tokenFor('administrator', false))).statusCode).toBe(200)
  })

  it("refuses support on an internal user's security with 403 FORBIDDEN, ticket or not", async () => {
    const response = await call('POST', '/internal-user/unlock', tokenFor('support', true), { 'x-ticket-ref': 'HD-1' })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('FORBIDDEN')
    expect((await call('POST', '/internal-user/unlock', tokenFor('administrator', false))).statusCode).toBe(200)
  })

  it('keeps the outbox for administrators', async () => {
    expect((await call('GET', '/outbox', tokenFor('administrator', false))).statusCode).toBe(200)
    const support = await call('GET', '/outbox', tokenFor('support', true))
    expect(support.statusCode).toBe(403)
    expect(codeOf(support)).toBe('FORBIDDEN')
  })

  it('answers 403 REAUTH_REQUIRED without a fresh identity check', async () => {
    const stale = await call('POST', '/sensitive', tokenFor('administrator', false))
    expect(stale.statusCode).toBe(403)
    expect(codeOf(stale)).toBe('REAUTH_REQUIRED')
    const fresh = await call('POST', '/sensitive', tokenFor('administrator', true))
    expect(fresh.json()).toEqual({ reauthFresh: true })
  })
})
