/**
 * npm run bench:users [-- --users N] [--runs R]
 *
 * Seeds N portal users (default 100,000) on PGlite in a fresh temporary folder, and on PostgreSQL
 * too when DATABASE_URL is set (in a fresh database created on that server and dropped afterwards).
 * Starts the real server, signs in, and times four list requests over HTTP and the very same SQL
 * run bare on the same connection: median, p95 and the ratio API/SQL. Then the helpdesk's "find the
 * person" (GET /api/v1/helpdesk/people) the same way, keystroke by keystroke (issue 5: under 150 ms median).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CompiledQuery, Kysely } from 'kysely'
import { connectDatabase } from '../src/server/db/connect'
import { migrateToLatest } from '../src/server/db/migrate'
import type { Database } from '../src/server/db/schema'
import { seedDemoAccounts } from '../src/server/demo-data'
import { buildPeopleQuery } from '../src/server/domain/helpdesk/people'
import { buildUserListQueries } from '../src/server/domain/users/list'
import { startPortalServer } from '../src/server/server'
import { personMatchList, personSearchQuery } from '../src/shared/helpdesk'
import { userListPage, userListQuery, type UserListQuery } from '../src/shared/users'
import { createScratchDatabase } from '../test/support/postgres'
import { endpoints, urlOf } from '../src/shared/endpoints'

const password = 'bench-password'

interface Stats {
  median: number
  p95: number
}

interface Row {
  scenario: string
  api: Stats
  sql: Stats
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
  return { median: at(0.5), p95: at(0.95) }
}

async function time(runs: number, action: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await action()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await action()
    samples.push(performance.now() - started)
  }
  return samples
}

interface BackendRows {
  list: Row[]
  helpdesk: Row[]
}

/**
 * The helpdesk search as an agent types: every prefix of a seeded user's email, of a name, and of a
 * phone number typed with spaces, each prefix one request (what the desk sends per keystroke).
 */
async function benchHelpdesk(baseUrl: string, token: string, db: Kysely<Database>, runs: number): Promise<Row[]> {
  const someone = await db
    .selectFrom('users')
    .select(['email', 'name', 'phone'])
    .where('kind', '=', 'portal')
    .where('email', 'is not', null)
    .where('phone', 'is not', null)
    .orderBy('id')
    .offset(1234)
    .limit(1)
    .executeTakeFirstOrThrow()
  const prefixes = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((q) => q.trim() !== '')
  const phoneDigits = (someone.phone ?? '').replace(/\D+/g, '').slice(-7)
  const typedPhone = `${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3)}`
  const scenarios: [string, string[]][] = [
    ['email, each keystroke', prefixes(someone.email ?? '')],
    ['name, each keystroke', prefixes(someone.name.toLowerCase())],
    ['phone, spaced, each key', prefixes(typedPhone)],
    ['2 letters "ma"', ['ma']],
    ['no match "zzqxj"', ['zzqxj']]
  ]
  const find = async (q: string) => {
    const response = await fetch(`${baseUrl}${urlOf(endpoints.searchPeople)}?${new URLSearchParams({ q })}`, { headers: { authorization: `Bearer ${token}` } })
    if (response.status !== 200) throw new Error(`helpdesk search failed: ${response.status} ${await response.text()}`)
    return personMatchList.parse(await response.json())
  }
  const rows: Row[] = []
  for (const [scenario, queries] of scenarios) {
    // As the server runs it: active users, then (when fewer than the limit) archived ones.
    const compiled = queries.map((q) => (['active', 'archived'] as const).map((status) => buildPeopleQuery(db, { ...personSearchQuery.parse({ q }), active: status === 'active' }).compile()))
    const apiSamples: number[] = []
    const sqlSamples: number[] = []
    // Each keystroke is one sample; enough rounds over the prefixes to have at least `runs` samples.
    const rounds = Math.max(1, Math.ceil(runs / queries.length))
    for (const [i, q] of queries.entries()) {
      apiSamples.push(...(await time(rounds, () => find(q))))
      const query = compiled[i]
      if (query) {
        sqlSamples.push(
          ...(await time(rounds, async () => {
            for (const part of query) await db.executeQuery(part)
          }))
        )
      }
    }
    rows.push({ scenario, api: stats(apiSamples), sql: stats(sqlSamples) })
  }
  return rows
}

async function benchBackend(label: string, options: { dataDir: string; databaseUrl?: string }, users: number, runs: number): Promise<BackendRows> {
  console.log(`\n== ${label}: seeding ${users.toLocaleString('en')} portal users …`)
  const seeding = await connectDatabase(options)
  await migrateToLatest(seeding.db)
  const seedStarted = performance.now()
  await seedDemoAccounts(seeding.db, { portalUsers: users, password, now: new Date() })
  console.log(`   seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)
  await seeding.close()

  const server = await startPortalServer({
    config: {
      host: '127.0.0.1',
      port: 0,
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      logLevel: 'warn',
      sessionIdleMs: 3_600_000,
      sessionAbsoluteMs: 12 * 3_600_000
    }
  })
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password })
    })
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
    const { token } = (await login.json()) as { token: string }

    const fetchPage = async (query: UserListQuery) => {
      const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])))
      const response = await fetch(`${server.url}/api/v1/users?${params}`, { headers: { authorization: `Bearer ${token}` } })
      if (response.status !== 200) throw new Error(`list failed: ${response.status} ${await response.text()}`)
      return userListPage.parse(await response.json())
    }

    // The deep page: follow 50 cursors from the first page, then time the 51st page.
    let cursor: string | undefined
    for (let page = 0; page < 50; page++) {
      const result = await fetchPage({ kind: 'portal', sort: 'name', limit: 50, ...(cursor ? { cursor } : {}) })
      if (!result.nextCursor) throw new Error(`only ${page + 1} pages: seed more users`)
      cursor = result.nextCursor
    }

    const scenarios: [string, UserListQuery][] = [
      ['first page', { kind: 'portal', sort: 'name', limit: 50 }],
      ['deep page (after 50 pages)', { kind: 'portal', sort: 'name', limit: 50, cursor }],
      ['3-letter search "mar"', { kind: 'portal', sort: 'name', limit: 50, q: 'mar' }],
      ['search without match', { kind: 'portal', sort: 'name', limit: 50, q: 'zzqxj' }]
    ]
    const db: Kysely<Database> = server.database.db
    const rows: Row[] = []
    for (const [scenario, query] of scenarios) {
      const { page, facets } = buildUserListQueries(db, userListQuery.parse(query))
      const compiled: CompiledQuery[] = [page.compile(), facets.compile()]
      const api = stats(await time(runs, () => fetchPage(query)))
      const sql = stats(await time(runs, async () => Promise.all(compiled.map((q) => db.executeQuery(q)))))
      rows.push({ scenario, api, sql })
    }
    return { list: rows, helpdesk: await benchHelpdesk(server.url, token, db, runs) }
  } finally {
    await server.close()
  }
}

function printTable(label: string, rows: Row[]): void {
  const ms = (n: number) => n.toFixed(1).padStart(7)
  console.log(`\n${label}`)
  console.log(`${'scenario'.padEnd(28)}  API median   API p95   SQL median   SQL p95   API/SQL`)
  for (const { scenario, api, sql } of rows) {
    console.log(
      `${scenario.padEnd(28)}  ${ms(api.median)} ms ${ms(api.p95)} ms  ${ms(sql.median)} ms  ${ms(sql.p95)} ms  ${(api.median / sql.median).toFixed(1).padStart(6)}x`
    )
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' } } })
  const users = Number(values.users)
  const runs = Number(values.runs)
  if (!Number.isSafeInteger(users) || users < 2600) throw new Error('--users must be a whole number of at least 2600 (51 pages of 50).')
  if (!Number.isSafeInteger(runs) || runs < 5) throw new Error('--runs must be a whole number of at least 5.')
  console.log(`Benchmark of GET /api/v1/users: ${users.toLocaleString('en')} portal users, ${runs} timed runs each, Node ${process.version}`)

  const dataDir = await mkdtemp(join(tmpdir(), 'portaldesk-bench-'))
  const results: [string, BackendRows][] = []
  try {
    results.push(['PGlite', await benchBackend('PGlite', { dataDir }, users, runs)])
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }

  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const scratch = await createScratchDatabase('portaldesk_bench', serverUrl)
    const pgDataDir = await mkdtemp(join(tmpdir(), 'portaldesk-bench-'))
    try {
      results.push([`PostgreSQL (${new URL(serverUrl).host})`, await benchBackend('PostgreSQL', { dataDir: pgDataDir, databaseUrl: scratch.url }, users, runs)])
    } finally {
      await scratch.drop()
      await rm(pgDataDir, { recursive: true, force: true })
    }
  }

  for (const [label, rows] of results) printTable(`${label}, ${users.toLocaleString('en')} users`, rows.list)
  const pglite = results[0]?.[1].list ?? []
  const slowest = Math.max(...pglite.map((r) => r.api.median))
  console.log(`\nTarget on PGlite: every API median under 100 ms: ${slowest < 100 ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(1)} ms).`)

  for (const [label, rows] of results) printTable(`Helpdesk "find the person" (GET ${urlOf(endpoints.searchPeople)}), ${label}, ${users.toLocaleString('en')} users`, rows.helpdesk)
  const helpdesk = results[0]?.[1].helpdesk ?? []
  const slowestSearch = Math.max(...helpdesk.map((r) => r.api.median))
  console.log(`\nTarget on PGlite: each keystroke's answer under 150 ms median: ${slowestSearch < 150 ? 'met' : 'NOT met'} (slowest ${slowestSearch.toFixed(1)} ms).`)
}

main().catch((error: unknown) => {
  console.error('The benchmark failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
