import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresBackend, type TestBackend } from './support/backends'
import { startTestPortal, type TestPortal } from './support/portal'

/**
 * A TCP relay between the portal server and PostgreSQL that the test can cut and restore, so that
 * "the database went away" is real network failure rather than a mocked error.
 */
class CuttableRelay {
  #server: Server | null = null
  #sockets = new Set<Socket>()
  port = 0

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host)
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => socket.destroy())
      }
      client.pipe(upstream).pipe(client)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    if (address && typeof address === 'object') this.port = address.port
    this.#server = server
  }

  /** Refuses new connections and drops the live ones, as a database host that went down. */
  async cut(): Promise<void> {
    const server = this.#server
    this.#server = null
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

const relayed = (relay: CuttableRelay): TestBackend => ({
  name: 'postgres',
  enabled: postgresBackend.enabled,
  async provision(template) {
    const database = await postgresBackend.provision(template)
    const url = new URL(database.databaseUrl ?? '')
    const target = { host: url.hostname, port: Number(url.port || 5432) }
    Object.assign(relay, { target })
    await relay.open()
    url.hostname = '127.0.0.1'
    url.port = String(relay.port)
    return { ...database, databaseUrl: url.toString() }
  }
})

describe.runIf(postgresBackend.enabled)('losing the PostgreSQL connection', () => {
  const relay = new CuttableRelay({ host: '127.0.0.1', port: 5432 })
  let portal: TestPortal
  let token: string

  beforeAll(async () => {
    portal = await startTestPortal(relayed(relay), { portalUsers: 20 })
    token = await portal.signIn()
  })

  afterAll(async () => {
    await relay.open().catch(() => undefined)
    await portal?.close()
    await relay.cut()
  })

  it('answers 503 UNAVAILABLE while the database is gone and recovers by itself when it returns', async () => {
    expect((await portal.request('GET', '/api/v1/users?kind=portal', { token })).status).toBe(200)

    await relay.cut()
    for (const path of ['/api/v1/users?kind=portal', '/api/v1/health']) {
      const response = await portal.request('GET', path, { token })
      expect(response.status, response.text).toBe(503)
      expect(response.body).toMatchObject({ error: { code: 'UNAVAILABLE' } })
    }
    // A sign-in attempt while the database is away is not a wrong password.
    const signIn = await portal.request('POST', '/api/v1/auth/login', { json: { login: 'admin', password: 'whatever-it-is' } })
    expect(signIn.status, signIn.text).toBe(503)

    await relay.open()
    const back = await portal.request('GET', '/api/v1/users?kind=portal', { token })
    expect(back.status, back.text).toBe(200)
    expect((await portal.request('GET', '/api/v1/health')).status).toBe(200)
  })
})
