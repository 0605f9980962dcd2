import type { TestPortal } from './portal'

/** The subset of JSON Schema that the route schemas produce (zod through fastify-type-provider-zod). */
export interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

/** One route as the fuzzer sees it: where it is and what its input looks like. */
export interface EndpointUnderTest {
  method: string
  /** Fastify's form: `/api/v1/users/:id`. */
  path: string
  params: Record<string, JsonSchema>
  query: Record<string, JsonSchema>
  /** The JSON body's schema; null when the route declares none (it may still take raw bytes). */
  body: JsonSchema | null
}

export const endpointKey = (endpoint: Pick<EndpointUnderTest, 'method' | 'path'>) => `${endpoint.method} ${endpoint.path}`

/** Swagger UI's own pages and assets: served by @fastify/swagger-ui, not part of the portal API. */
const documentationPrefix = '/api/docs'

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

/**
 * Every route the running server answers, with the input schemas it declares, read from its OpenAPI
 * document (which the routes build from their zod schemas). This is the one place that knows where
 * the list comes from: when the endpoints are declared in one shared table, this reads that table.
 * It fails loudly when the router knows a route that the document does not, so a route hidden from
 * OpenAPI cannot escape the fuzzer.
 */
export async function endpointsUnderTest(portal: TestPortal): Promise<EndpointUnderTest[]> {
  const answer = await portal.request('GET', `${documentationPrefix}/json`)
  if (answer.status !== 200) throw new Error(`the OpenAPI document did not load: ${answer.status}`)
  const document = answer.body as { paths: Record<string, Record<string, OpenApiOperation>> }

  const endpoints: EndpointUnderTest[] = []
  for (const [openApiPath, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params: Record<string, JsonSchema> = {}
      const query: Record<string, JsonSchema> = {}
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path') params[parameter.name] = parameter.schema ?? {}
        if (parameter.in === 'query') query[parameter.name] = parameter.schema ?? {}
      }
      endpoints.push({
        method: method.toUpperCase(),
        path: openApiPath.replace(/\{(\w+)\}/g, ':$1'),
        params,
        query,
        body: operation.requestBody?.content?.['application/json']?.schema ?? null
      })
    }
  }

  const documented = new Set(endpoints.map(endpointKey))
  const undocumented = routerRoutes(portal).filter((route) => !documented.has(route))
  if (undocumented.length > 0) throw new Error(`routes missing from the OpenAPI document, so not fuzzed: ${undocumented.join(', ')}`)
  return endpoints
}

/**
 * `METHOD path` of every route in Fastify's router, from its printed tree (Fastify has no other
 * public listing once the routes are registered). HEAD routes are Fastify's own copies of GET.
 */
function routerRoutes(portal: TestPortal): string[] {
  const tree = portal.server.app.printRoutes({ commonPrefix: false })
  const stack: string[] = []
  const routes: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    stack.length = depth
    stack.push(match[2] ?? '')
    const path = stack.join('')
    if (path.startsWith(documentationPrefix)) continue
    for (const method of (match[3] ?? '').split(', ')) {
      if (method !== '' && method !== 'HEAD') routes.push(`${method} ${path}`)
    }
  }
  if (routes.length === 0) throw new Error(`could not read the router's routes from:\n${tree}`)
  return routes
}
