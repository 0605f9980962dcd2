import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../src/shared/api'
import { isRefusalReason } from '../../src/shared/refusals'
import { pgliteBackend, postgresBackend } from './support/backends'
import { watchDatabase, type DatabaseWatch } from './support/database-snapshot'
import { endpointKey, endpointsUnderTest, type EndpointUnderTest } from './support/endpoints-under-test'
import { signInCallers, type FuzzCallers } from './support/fuzz-callers'
import { fuzzRequests, type FuzzRequest } from './support/fuzz-requests'
import type { FuzzTargets } from './support/fuzz-values'
import { startTestPortal, type TestPortal } from './support/portal'
import { rawHttpClient, type RawAnswer } from './support/raw-http'

/**
 * Every route of the real server, read from the server itself (so a new route is fuzzed without a
 * test of its own), gets malformed params, queries, bodies and headers from five kinds of caller.
 * No answer may be a 5xx or a dropped connection; a refusal leaves the database as it was; every
 * refusal of the JSON API has the one error shape, with a reason from the shared enum.
 *
 * Seeded: PORTALDESK_FUZZ_SEED replays a run (each endpoint's requests depend only on the seed and
 * the endpoint), PORTALDESK_FUZZ_ONLY="METHOD /path" runs one endpoint, PORTALDESK_FUZZ_RUNS sets
 * the requests per endpoint.
 *
 * PGlite by default: the fuzzer aims at the HTTP, validation and domain layers, which are the same
 * code on both drivers, and PGlite embeds the same PostgreSQL engine (same SQL, same SQLSTATEs).
 * Running 10,000 requests twice would double the time for what every other suite already checks on
 * both. PORTALDESK_FUZZ_BACKEND=postgres runs it on PostgreSQL instead.
 */
const seed = Number(process.env.PORTALDESK_FUZZ_SEED ?? 20_261_206)
const requestsPerEndpoint = Number(process.env.PORTALDESK_FUZZ_RUNS ?? 120)
const only = process.env.PORTALDESK_FUZZ_ONLY
const minimumEndpoints = 70
const minimumRequests = 10_000
const backend = process.env.PORTALDESK_FUZZ_BACKEND === 'postgres' ? postgresBackend : pgliteBackend

/** Each endpoint's own seed, so that its requests stay the same when other endpoints come and go. */
function seedOf(endpoint: EndpointUnderTest): number {
  let hash = seed | 0
  for (const char of endpointKey(endpoint)) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash
}

/** What is wrong with an answer; empty when nothing is. */
function problemsWith(request: FuzzRequest, answer: RawAnswer | Error, changedTables: string[]): string[] {
  if (answer instanceof Error) return [`no answer: ${answer.message}`]
  const problems: string[] = []
  if (answer.status >= 500) problems.push(`answered ${answer.status}`)
  const refused = answer.status >= 400
  if (refused && changedTables.length > 0) problems.push(`a refusal changed ${changedTables.join(', ')}`)
  const jsonApi = request.target.startsWith('/api/') || answer.contentType.startsWith('application/json')
  if (answer.status >= 400 && answer.status < 500 && jsonApi) {
    let body: unknown
    try {
      body = JSON.parse(answer.text)
    } catch {
      body = undefined
    }
    const parsed = apiErrorBody.safeParse(body)
    if (!parsed.success) problems.push('a 4xx without the API error shape {error: {code, message, details?}}')
    else {
      for (const reason of reasonsIn(parsed.data.error.details)) {
        if (!isRefusalReason(reason)) problems.push(`details give the reason ${JSON.stringify(reason)}, which is not in the refusal enum`)
      }
    }
  }
  return problems
}

/** `details.reason`, or the reasons of field issues, wherever a refusal gives one. */
function reasonsIn(details: unknown): unknown[] {
  const entries = Array.isArray(details) ? details : [details]
  return entries.filter((entry): entry is { reason: unknown } => typeof entry === 'object' && entry !== null && 'reason' in entry).map((entry) => entry.reason)
}

function describeFailure(endpoint: EndpointUnderTest, index: number, request: FuzzRequest, answer: RawAnswer | Error, problems: string[]): string {
  const body = request.body === null ? '(none)' : request.body.toString('utf8')
  const replayableBody = request.body !== null && Buffer.from(body, 'utf8').equals(request.body) ? `utf8 ${JSON.stringify(body.length > 2000 ? `${body.slice(0, 2000)}…` : body)}` : `base64 ${request.body?.toString('base64').slice(0, 4000)}`
  const answered = answer instanceof Error ? answer.message : `${answer.status} ${answer.contentType} ${answer.text.slice(0, 500)}`
  return [
    `${problems.join('; ')}`,
    `  replay: PORTALDESK_FUZZ_SEED=${seed} PORTALDESK_FUZZ_ONLY='${endpointKey(endpoint)}' (request #${index} of ${requestsPerEndpoint})`,
    `  request as ${request.caller}: ${request.method} ${request.target}`,
    `  headers: ${JSON.stringify(request.headers, (_key, value: unknown) => (typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value))}`,
    `  body: ${replayableBody}`,
    `  answer: ${answered}`
  ].join('\n')
}

/** Existing rows to aim at, never the callers' own accounts (a fuzzed archive of them would end the run). */
async function fuzzTargets(portal: TestPortal, callers: FuzzCallers): Promise<FuzzTargets> {
  const db = portal.server.database.db
  const own = new Set(callers.ownIds)
  const ids = new Set<number>()
  for (const table of ['users', 'companies', 'websites', 'passkeys', 'api_keys', 'payment_methods'] as const) {
    const rows = await db.selectFrom(table).select('id').orderBy('id').limit(15).execute()
    for (const { id } of rows) ids.add(id)
  }
  const sessions = await db.selectFrom('sessions').select('id').where('user_id', 'not in', [...own]).orderBy('id').limit(10).execute()
  return { ids: [...ids].filter((id) => !own.has(id)), texts: sessions.map((session) => session.id), spared: [...own] }
}

describe.runIf(backend.enabled)(`every endpoint under fuzzed input, on ${backend.name}`, () => {
  let portal: TestPortal
  let callers: FuzzCallers
  let endpoints: EndpointUnderTest[]
  let targets: FuzzTargets
  let database: DatabaseWatch
  let client: ReturnType<typeof rawHttpClient>

  beforeAll(async () => {
    // The local mailbox is on so that its routes get past "this portal keeps no mailbox" to their ids.
    portal = await startTestPortal(backend, { portalUsers: 30, config: { mailbox: 'local' } })
    callers = await signInCallers(portal)
    endpoints = await endpointsUnderTest(portal)
    targets = await fuzzTargets(portal, callers)
    database = await watchDatabase(portal.server.database.db)
    client = rawHttpClient(portal.baseUrl)
  })
  afterAll(async () => {
    client?.close()
    await portal?.close()
  })

  it('collects every route the server answers', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(minimumEndpoints)
    expect(new Set(endpoints.map(endpointKey)).size).toBe(endpoints.length)
    for (const path of ['/api/v1/users/:id', '/api/v1/me', '/reset-password', '/confirm-email']) expect(endpoints.map((e) => e.path)).toContain(path)
  })

  it('answers every malformed request without a 5xx, a changed database on refusal, or an unshaped refusal', { timeout: 600_000 }, async () => {
    const chosen = only === undefined ? endpoints : endpoints.filter((endpoint) => endpointKey(endpoint) === only)
    expect(chosen.length, `no endpoint is ${only}`).toBeGreaterThan(0)
    const sentTo = new Map<string, number>()
    const statuses = new Map<number, number>()
    const failures: string[] = []
    const failureKinds = new Map<string, number>()
    const started = performance.now()

    for (const endpoint of chosen) {
      const requests = fc.sample(fuzzRequests(endpoint, targets), { seed: seedOf(endpoint), numRuns: requestsPerEndpoint })
      for (const [index, request] of requests.entries()) {
        const token = request.caller === 'administrator' || request.caller === 'support' || request.caller === 'portalUser' ? callers.token(request.caller) : null
        const headers = token === null ? request.headers : { ...request.headers, authorization: `Bearer ${token}` }
        const answer = await client.send({ ...request, headers }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
        sentTo.set(endpointKey(endpoint), (sentTo.get(endpointKey(endpoint)) ?? 0) + 1)
        if (!(answer instanceof Error)) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)

        const changedTables = await database.changes()
        const problems = problemsWith(request, answer, changedTables)
        if (problems.length > 0) {
          failures.push(describeFailure(endpoint, index, request, answer, problems))
          const kind = `${problems.join('; ')} on ${endpointKey(endpoint)}`
          failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1)
        }
        // A successful write may sign its own caller out (sign-out, revoke sessions): sign it in again for what follows.
        const mayHaveEndedSession = !(answer instanceof Error) && answer.status < 300 && request.method !== 'GET'
        if (token !== null && request.caller !== 'anonymous' && request.caller !== 'garbageToken' && mayHaveEndedSession) {
          if (await callers.ensureAlive(request.caller)) await database.changes()
        }
      }
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const counts = [...sentTo.values()]
    const total = counts.reduce((sum, n) => sum + n, 0)
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')
    console.info(`endpoint fuzz, seed ${seed}: ${total} requests to ${sentTo.size} endpoints (at least ${Math.min(...counts)} each) in ${seconds} s; ${histogram}`)

    const summary = [...failureKinds].map(([kind, n]) => `  ${n}× ${kind}`).join('\n')
    expect(failures, `seed ${seed}: ${failures.length} failing requests:\n${summary}\n\nThe first ones:\n\n${failures.slice(0, 15).join('\n\n')}`).toEqual([])
    expect(counts.every((n) => n === requestsPerEndpoint)).toBe(true)
    if (only === undefined && process.env.PORTALDESK_FUZZ_RUNS === undefined) expect(total).toBeGreaterThanOrEqual(minimumRequests)
  })
})
