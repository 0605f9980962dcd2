import { afterEach, describe, expect, it } from 'vitest'
import type { ServerConfig } from '../../src/server/config'
import { backends } from './support/backends'
import { expectRefusal } from './support/operators'
import { startTestPortal, type TestPortal } from './support/portal'

const wrong = 'definitely not the password'

/**
 * TRUST_PROXY decides whose X-Forwarded-For the per-IP sign-in limit believes. The test client
 * connects from 127.0.0.1, so it plays the proxy, or a client talking to the server directly.
 */
describe.each(backends)('TRUST_PROXY on $name', (backend) => {
  let portal: TestPortal | undefined
  afterEach(async () => {
    await portal?.close()
    portal = undefined
  })
  const start = async (config: Partial<ServerConfig>) => {
    portal = await startTestPortal(backend, { seed: false, config })
    return portal
  }
  const fail = (server: TestPortal, login: string, forwardedFor?: string) =>
    server.request('POST', '/api/v1/portal/login', { json: { login, password: wrong }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } })
  const recordedIps = async (server: TestPortal, login: string) =>
    (await server.server.database.db.selectFrom('sign_in_attempts').select('ip').where('login', '=', login).orderBy('id').execute()).map((row) => row.ip)

  it.runIf(backend.enabled)('unset: a forged X-Forwarded-For is ignored and does not escape the per-IP limit', async () => {
    const server = await start({})
    for (let i = 0; i < 50; i++) expectRefusal(await fail(server, `spray-${i}`, `203.0.113.${i + 1}`), 401, 'INVALID_CREDENTIALS')
    expectRefusal(await fail(server, 'spray-next', '198.51.100.200'), 429, 'RATE_LIMITED')
    expect(await recordedIps(server, 'spray-7')).toEqual(['127.0.0.1'])
  })

  it.runIf(backend.enabled)('a hop count: two clients behind the proxy are throttled separately', async () => {
    const server = await start({ trustProxy: 1 })
    for (let i = 0; i < 50; i++) expectRefusal(await fail(server, `spray-${i}`, '203.0.113.1'), 401, 'INVALID_CREDENTIALS')
    expectRefusal(await fail(server, 'spray-next', '203.0.113.1'), 429, 'RATE_LIMITED')
    expectRefusal(await fail(server, 'spray-next', '203.0.113.2'), 401, 'INVALID_CREDENTIALS')
    expect(await recordedIps(server, 'spray-next')).toEqual(['203.0.113.1', '203.0.113.2'])
  })

  it.runIf(backend.enabled)('a CIDR list: only the listed proxies are believed, never an address forwarded by an untrusted hop', async () => {
    const server = await start({ trustProxy: ['127.0.0.0/8'] })
    // The proxy (127.0.0.1) is trusted; 10.9.9.9, who handed it the request, is not: what 10.9.9.9
    // claims (198.51.100.7) is not believed, and the client is 10.9.9.9.
    expectRefusal(await fail(server, 'chain', '198.51.100.7, 10.9.9.9'), 401, 'INVALID_CREDENTIALS')
    expect(await recordedIps(server, 'chain')).toEqual(['10.9.9.9'])
    await server.close()

    const elsewhere = await start({ trustProxy: ['10.0.0.0/8', '192.168.1.5'] })
    // The peer (127.0.0.1) is not a listed proxy: its X-Forwarded-For is ignored altogether.
    expectRefusal(await fail(elsewhere, 'direct', '10.1.2.3'), 401, 'INVALID_CREDENTIALS')
    expect(await recordedIps(elsewhere, 'direct')).toEqual(['127.0.0.1'])
  })
})
