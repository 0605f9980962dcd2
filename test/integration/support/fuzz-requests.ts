import fc from 'fast-check'
import { bodyLimitBytes } from '../../../src/server/http/app'
import { reasonMaxLength, ticketRefMaxLength } from '../../../src/shared/ipc/audit-context'
import type { EndpointUnderTest, JsonSchema } from './endpoints-under-test'
import { callerNames, type CallerName } from './fuzz-callers'
import { anyJson, fuzzedObject, hostileValue, nastyString, plausibleValue, type FuzzTargets } from './fuzz-values'

/** One fuzzed request, exactly as it goes on the wire (the caller's token is added when it is sent). */
export interface FuzzRequest {
  caller: CallerName
  method: string
  /** The request target as sent: path and query, deliberately malformed at times. */
  target: string
  headers: Record<string, string | string[]>
  body: Buffer | null
}

/** Percent-encodes what a request line cannot carry raw; what it can carry (`../`, `%`) stays. */
const encodeSegment = (value: string, maxLength = 1500) => encodeURIComponent(value.slice(0, maxLength).replace(/[\ud800-\udfff]/g, '\ufffd'))

/** Path segments that are not ids: traversal, NUL, bad percent-encoding, UTF-8 of a lone surrogate, overlong UTF-8. */
const rawSegments = ['..', '../', '..%2f..%2f', '%2e%2e', '%00', '%', '%zz', '%ED%A0%80', '%C0%AF', '%FF', '%E4%B8', '.', '', '%20', '+', ';', 'a;b=c', '*']
const numberishSegments = ['0', '-1', '1.5', '1e3', '01', '2147483648', '9223372036854775808', '99999999999999999999', 'NaN', 'Infinity', '0x10', ' 1', '1 ', '+1', '１']

/**
 * A path segment that the server would read as a caller's own id is aimed at another user: a fuzzed
 * archive or delete of the administrator would end the run, not find a bug.
 */
function spareCallers(segment: string, targets: FuzzTargets): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return segment
  }
  return /^\s*\d+\s*$/.test(decoded) && targets.spared.includes(Number(decoded)) ? String(targets.ids[0]) : segment
}

function paramSegment(schema: JsonSchema, name: string, targets: FuzzTargets): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: plausibleValue(schema, targets, name === 'id' || name.endsWith('id') ? 'id' : name).map((value) => encodeSegment(String(value))), weight: 4 },
    { arbitrary: fc.constantFrom(...numberishSegments).map(encodeSegment), weight: 3 },
    { arbitrary: fc.constantFrom(...rawSegments), weight: 2 },
    { arbitrary: nastyString.map(encodeSegment), weight: 2 }
  ).map((segment) => spareCallers(segment, targets))
}

const unknownQueryKeys = ['__proto__[isAdmin]', 'constructor', 'limit[]', 'a[b][c]', 'q', 'x'.repeat(300), '%00', '']
const queryNumbers = ['1000000', '-1', '0', '1e9', '1.5', 'NaN', '', '9'.repeat(30), '50']

function queryString(endpoint: EndpointUnderTest, targets: FuzzTargets): fc.Arbitrary<string> {
  const declared = Object.entries(endpoint.query).map(([key, schema]) =>
    fc
      .oneof(
        { arbitrary: fc.constant([] as string[]), weight: 3 },
        { arbitrary: plausibleValue(schema, targets, key).map((value) => [stringify(value)]), weight: 4 },
        { arbitrary: hostileValue(schema).map((value) => [stringify(value)]), weight: 2 },
        { arbitrary: fc.constantFrom(...queryNumbers).map((value) => [value]), weight: 1 },
        { arbitrary: fc.array(plausibleValue(schema, targets, key).map(stringify), { minLength: 2, maxLength: 3 }), weight: 1 }
      )
      // Short enough that a few of them stay under Node's header limit and reach the route.
      .map((values) => values.map((value) => `${encodeURIComponent(key)}=${encodeSegment(value, 300)}`))
  )
  const unknown = fc.array(
    fc.tuple(fc.constantFrom(...unknownQueryKeys), nastyString).map(([key, value]) => `${encodeURIComponent(key)}=${encodeSegment(value, 300)}`),
    { maxLength: 2 }
  )
  const broken = fc.constantFrom('%', '%zz', 'a=%ED%A0%80', '&&&', '=', 'limit=1&limit=2')
  return fc
    .tuple(fc.tuple(...declared), unknown, fc.option(broken, { freq: 10 }))
    .map(([pairs, extra, raw]) => {
      const parts = [...pairs.flat(), ...extra, ...(raw === null ? [] : [raw])]
      return parts.length === 0 ? '' : `?${parts.join('&')}`
    })
}

const stringify = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')

interface Body {
  contentType: string | null
  bytes: Buffer | null
}

const json = (value: unknown): Body => ({ contentType: 'application/json', bytes: Buffer.from(JSON.stringify(value) ?? 'null') })

/** Nested past any sensible depth, still under the body limit. */
const deepNesting = fc
  .tuple(fc.integer({ min: 100, max: 30_000 }), fc.constantFrom('array', 'object'))
  .map(([depth, kind]): Body => ({
    contentType: 'application/json',
    bytes: Buffer.from(kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(Math.floor(depth / 5)) + '1' + '}'.repeat(Math.floor(depth / 5)))
  }))

/** A JSON string around the body limit, either side of it. */
const longString = fc.integer({ min: bodyLimitBytes - 2000, max: bodyLimitBytes + 2000 }).map((n): Body => json({ value: 'x'.repeat(n) }))

const notJson = fc
  .constantFrom('{', '{"a":1', "{'a':1}", '{"a":1}garbage', 'NaN', '\ufeff{}', '{"a":1,"a":2}', '[1,]', '"\\ud800"', 'undefined', '\u0000', '{"__proto__":{"isAdmin":true}}')
  .map((text): Body => ({ contentType: 'application/json', bytes: Buffer.from(text) }))

const otherTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  ';;;',
  'application/json\t'
]

/** Bytes that start like an image (so the avatar code looks further) and then break. */
const imageLike = fc
  .tuple(fc.constantFrom('89504e470d0a1a0a', 'ffd8ffe0', '52494646000000005745425056503820', ''), fc.uint8Array({ maxLength: 512 }))
  .map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'hex'), Buffer.from(rest)]))

function body(endpoint: EndpointUnderTest, targets: FuzzTargets): fc.Arbitrary<Body> {
  const schema = endpoint.body
  const shaped = schema?.properties
    ? fc.oneof(fuzzedObject(schema, targets, 0, 0), fuzzedObject(schema, targets, 0, 1)).map(json)
    : plausibleValue(schema ?? {}, targets).map(json)
  const wrongType = fc
    .tuple(fc.constantFrom(...otherTypes), fc.oneof(anyJson.map((value) => Buffer.from(JSON.stringify(value) ?? '')), imageLike, fc.constant(Buffer.from('a=1&b=%00&token=x'))))
    .map(([contentType, bytes]): Body => ({ contentType, bytes }))
  // The portal's own pages post their forms form-encoded: the same fields, as a browser sends them.
  const formShaped = fuzzedObject(schema ?? {}, targets).map(
    (fields): Body => ({
      contentType: 'application/x-www-form-urlencoded',
      bytes: Buffer.from(new URLSearchParams(Object.entries(fields).map(([key, value]): [string, string] => [key, stringify(value)])).toString())
    })
  )
  return fc.oneof(
    { arbitrary: shaped, weight: 8 },
    { arbitrary: formShaped, weight: 1 },
    { arbitrary: schema ? plausibleValue(schema, targets).map(json) : imageLike.map((bytes): Body => ({ contentType: 'image/png', bytes })), weight: 2 },
    { arbitrary: anyJson.map(json), weight: 2 },
    { arbitrary: fc.constantFrom<Body>({ contentType: null, bytes: null }, { contentType: 'application/json', bytes: null }, { contentType: 'application/json', bytes: Buffer.alloc(0) }), weight: 2 },
    { arbitrary: notJson, weight: 2 },
    { arbitrary: wrongType, weight: 2 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: longString, weight: 1 }
  )
}

/** Header values a client can send (Latin-1 without CR, LF or NUL); control characters reach X-Reason percent-encoded. */
const headerSafe = (value: string) => value.slice(0, 3000).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')

const garbageAuthorization = fc.oneof(
  fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer x', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'Bearer ../../', `Bearer ${'A'.repeat(8000)}`, 'Token abc'),
  nastyString.map((value) => headerSafe(`Bearer ${value}`)),
  fc.base64String({ minLength: 40, maxLength: 64 }).map((value) => `Bearer ${value}`)
)

const ticketHeader = fc.oneof(
  { arbitrary: fc.constantFrom('HD-1234', '#4521', 'JIRA/OPS-12'), weight: 24 },
  { arbitrary: fc.constantFrom('x'.repeat(ticketRefMaxLength + 1), 'HD-1\t2', 'HD\x851', '<script>', 'é', '%0A'), weight: 2 },
  { arbitrary: nastyString.map(headerSafe), weight: 1 },
  { arbitrary: fc.constant(['HD-1', 'HD-2']), weight: 1 }
)

const reasonHeader = fc.oneof(
  { arbitrary: nastyString.map((value) => encodeSegment(value.slice(0, 600))), weight: 3 },
  { arbitrary: fc.constantFrom('%00', 'a%0Ab', '%1B[31m', '%7F', '%C2%85', '%E2%80%AE', '%', '%E0%A4%A', 'caf\xe9', '\t', '%41'.repeat(reasonMaxLength + 1)), weight: 3 },
  { arbitrary: nastyString.map(headerSafe), weight: 1 }
)

const verificationHeader = fc.oneof(
  fc.constantFrom('1', '2', '42', '0', '-1', '1e3', 'abc', '99999999999999999999', '9223372036854775807', ' 7', '7,8'),
  fc.nat().map(String),
  nastyString.map(headerSafe)
)

const extraHeaders = fc.record(
  {
    'x-ticket-ref': ticketHeader,
    'x-reason': reasonHeader,
    'x-verification': verificationHeader,
    'accept-language': fc.oneof(fc.constantFrom('zh-CN', 'en;q=0.1, zh;q=abc', '*', ';;;'), nastyString.map(headerSafe)),
    'user-agent': fc.oneof(fc.constant('U'.repeat(4000)), nastyString.map(headerSafe)),
    'x-forwarded-for': fc.constantFrom('10.0.0.1', 'garbage', '::1, 1.2.3.4'),
    // Past Node's 16 KiB header limit: the server's client-error path answers, not a route.
    'x-oversized': fc.constant('o'.repeat(20_000))
  },
  { requiredKeys: [] }
)

/** Drops most of the optional headers, so that the ones that stay are judged one or two at a time. */
const sparseHeaders = fc
  .tuple(extraHeaders, fc.integer({ min: 0, max: 99 }))
  .map(([headers, roll]) => Object.fromEntries(Object.entries(headers).filter(([key]) => (key === 'x-oversized' ? roll === 0 : key === 'x-ticket-ref' || roll % 6 === 0))))

/** Every kind of malformed request to one endpoint, from every kind of caller. */
export function fuzzRequests(endpoint: EndpointUnderTest, targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const segments = endpoint.path.split('/').map((segment) => (segment.startsWith(':') ? paramSegment(endpoint.params[segment.slice(1)] ?? {}, segment.slice(1), targets) : fc.constant(segment)))
  const sendsBody = endpoint.method !== 'GET' || endpoint.body !== null
  return fc
    .record({
      // The signed-in callers more often: their requests get past authentication to the checks behind it.
      caller: fc.oneof(...callerNames.map((caller) => ({ arbitrary: fc.constant(caller), weight: caller === 'anonymous' || caller === 'garbageToken' ? 1 : 2 }))),
      path: fc.tuple(...segments).map((parts) => parts.join('/')),
      query: fc.oneof({ arbitrary: fc.constant(''), weight: Object.keys(endpoint.query).length > 0 ? 1 : 4 }, { arbitrary: queryString(endpoint, targets), weight: 3 }),
      headers: sparseHeaders,
      authorization: garbageAuthorization,
      body: sendsBody ? body(endpoint, targets) : fc.constant<Body>({ contentType: null, bytes: null })
    })
    .map(({ caller, path, query, headers, authorization, body: { contentType, bytes } }) => ({
      caller,
      method: endpoint.method,
      target: `${path}${query}`,
      headers: {
        ...headers,
        ...(caller === 'garbageToken' ? { authorization } : {}),
        ...(contentType === null ? {} : { 'content-type': contentType })
      },
      body: bytes
    }))
}
