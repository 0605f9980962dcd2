import { ManualClock } from '../../../src/server/clock'
import type { LogLevel, ServerConfig } from '../../../src/server/config'
import { startPortalServer, type RunningServer } from '../../../src/server/server'
import type { DatabaseTemplate, ProvisionedDatabase, TestBackend } from './backends'

export const testPassword = 'correct horse battery staple'

/** Every test portal's clock starts here, so that its seeding (dated from it) is the same each time. */
const testStart = '2026-03-02T08:00:00.000Z'

export interface ApiResponse {
  status: number
  headers: Headers
  body: unknown
  text: string
}

export interface RequestOptions {
  token?: string
  json?: unknown
  /** Sent verbatim, with `contentType` (default application/json). */
  rawBody?: string
  contentType?: string
  headers?: Record<string, string>
}

export interface TestPortal {
  baseUrl: string
  clock: ManualClock
  server: RunningServer
  /** Where its data lives: to reach the database again after `server.close()`. */
  database: ProvisionedDatabase
  logLines: string[]
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>
  /** Signs in and returns the bearer token. */
  signIn(login?: string, password?: string): Promise<string>
  close(): Promise<void>
}

export interface TestPortalOptions {
  portalUsers?: number
  logLevel?: LogLevel
  seed?: boolean
  /** Settings on top of the test defaults, e.g. `{ operatorTwoFactor: 'required' }`. */
  config?: Partial<ServerConfig>
  /**
   * Start on a brand-new empty database, so that the server itself migrates and seeds it (`seeded`,
   * `migration` then report a first run). Otherwise the database is a copy of one migrated and seeded
   * alike earlier in the run: the same content, minus a first start's cost.
   */
  firstRun?: boolean
}

export function testConfig(database: ProvisionedDatabase, logLevel: LogLevel = 'silent'): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    logLevel,
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** What the server's own first start makes of an empty database with these options: migrated, and seeded unless `seed` is false. */
function firstStartTemplate(seed: { password: string; portalUsers: number } | undefined): DatabaseTemplate {
  return {
    key: JSON.stringify({ migrated: true, seed: seed ?? null, at: testStart }),
    async fill(database) {
      const server = await startPortalServer({ config: testConfig(database), clock: new ManualClock(testStart), ...(seed === undefined ? {} : { seedIfEmpty: seed }) })
      await server.close()
    }
  }
}

/** The real server on a real port, seeded, with a clock the test moves and its log lines captured. */
export async function startTestPortal(backend: TestBackend, options: TestPortalOptions = {}): Promise<TestPortal> {
  const seed = options.seed === false ? undefined : { password: testPassword, portalUsers: options.portalUsers ?? 300 }
  const database = await backend.provision(options.firstRun ? undefined : firstStartTemplate(seed))
  const clock = new ManualClock(testStart)
  const logLines: string[] = []
  let server: RunningServer
  try {
    server = await startPortalServer({
      config: { ...testConfig(database, options.logLevel ?? 'silent'), ...options.config },
      clock,
      logDestination: { write: (line) => void logLines.push(line) },
      ...(seed === undefined ? {} : { seedIfEmpty: seed })
    })
  } catch (error) {
    await database.dispose()
    throw error
  }
  const baseUrl = server.url

  async function request(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    let body: string | undefined
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json)
      headers['content-type'] = 'application/json'
    } else if (opts.rawBody !== undefined) {
      body = opts.rawBody
      headers['content-type'] = opts.contentType ?? 'application/json'
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: parseJson(text), text }
  }

  return {
    baseUrl,
    clock,
    server,
    database,
    logLines,
    request,
    async signIn(login = 'admin', password = testPassword) {
      const response = await request('POST', '/api/v1/auth/login', { json: { login, password } })
      if (response.status !== 200) throw new Error(`sign-in as ${login} failed: ${response.status} ${response.text}`)
      return (response.body as { token: string }).token
    },
    async close() {
      await server.close()
      await database.dispose()
    }
  }
}
