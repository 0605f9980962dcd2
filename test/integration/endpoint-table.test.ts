import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allEndpoints, fillPath, pathParamNames, type EndpointSpec } from '../../src/shared/endpoints'
import { pgliteBackend } from './support/backends'
import { startTestPortal, type TestPortal } from './support/portal'

/**
 * The endpoint table and the running server cannot drift apart: every declared endpoint is a route
 * that answers, every /api/v1 route the server documents is declared, and OpenAPI describes each
 * one with the security and the statuses of its declaration.
 */
type OpenApiOperation = { security?: unknown[]; responses?: Record<string, unknown> }
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> }

const label = (endpoint: EndpointSpec) => `${endpoint.method} ${endpoint.path}`
/** Fastify's `:id` is OpenAPI's `{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')

describe('the endpoint table and the running server', () => {
  let portal: TestPortal
  let documented: OpenApiDocument['paths']

  beforeAll(async () => {
    portal = await startTestPortal(pgliteBackend, { seed: false })
    documented = ((await portal.request('GET', '/api/docs/json')).body as OpenApiDocument).paths
  })
  afterAll(async () => {
    await portal?.close()
  })

  it.each(allEndpoints.map((endpoint) => [label(endpoint), endpoint] as const))('registers %s and answers it', async (_label, endpoint) => {
    expect(portal.server.app.hasRoute({ method: endpoint.method, url: endpoint.path })).toBe(true)
    const url = fillPath(endpoint.path, Object.fromEntries(pathParamNames(endpoint.path).map((name) => [name, '1'])))
    const response = await portal.request(endpoint.method, url, endpoint.method === 'GET' ? {} : { json: {} })
    // Anything but the server's own "no such endpoint": a refusal of the request is an answer.
    expect(response.text).not.toContain('There is no such endpoint')
    expect(response.status).toBeLessThan(500)
  })

  it('declares every /api/v1 route the server documents, and nothing else', () => {
    const routes = Object.entries(documented)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort()
    const declared = allEndpoints.map((endpoint) => `${endpoint.method} ${openApiPath(endpoint.path)}`).sort()
    expect(routes).toEqual(declared)
  })

  it.each(allEndpoints.map((endpoint) => [label(endpoint), endpoint] as const))('documents %s with its declared security and statuses', (_label, endpoint) => {
    const operation = documented[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()]
    expect(operation).toBeDefined()
    expect(operation?.security).toEqual(endpoint.auth === 'public' ? undefined : [{ bearerAuth: [] }])
    const statuses = [...(endpoint.response ? [endpoint.status ?? 200] : []), ...endpoint.errors].map(String).sort()
    if (statuses.length > 0) expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(statuses)
  })
})
