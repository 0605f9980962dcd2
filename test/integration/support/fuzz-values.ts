import fc from 'fast-check'
import type { JsonSchema } from './endpoints-under-test'

/** Rows that exist, so that fuzzed ids sometimes get past "not found" to the checks behind it. */
export interface FuzzTargets {
  /** Ids of existing rows (users, companies, websites, keys…), never one of the callers' own accounts. */
  ids: readonly number[]
  /** Existing text ids (sessions), for the same reason. */
  texts: readonly string[]
  /** The callers' own user ids: a path segment that reads as one is aimed at `ids[0]` instead. */
  spared: readonly number[]
}

/** Strings that have broken servers before: traversal, NUL, injections, odd Unicode, lone surrogates (JSON escapes them). */
const nastyStrings = [
  '',
  ' ',
  '\t\n',
  '../../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  '\ud800',
  'x\udfffy',
  '\udbff\udbff',
  '𝕏𝕐',
  'İ',
  'ß',
  '中文用户',
  "' or 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '9'.repeat(40),
  '=cmd|"/c calc"!A1',
  'a@b',
  'user@example.com',
  '2026-02-30',
  '9999-12-31T23:59:59Z'
]

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...nastyStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 200, maxLength: 2000 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('a', '中', '\u0301', '😀', '\u0000'), fc.integer({ min: 1000, max: 20_000 })).map(([unit, n]) => unit.repeat(n)), weight: 1 }
)

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer()
)

/** Any JSON value, nested a little. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 })

/** A value of another kind than the schema asks for, or just past one of its limits. */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const past: fc.Arbitrary<unknown>[] = []
  if (schema.maxLength !== undefined) past.push(fc.constant('x'.repeat(schema.maxLength + 1)))
  if (schema.minLength !== undefined && schema.minLength > 0) past.push(fc.constant('x'.repeat(schema.minLength - 1)))
  if (schema.maximum !== undefined) past.push(fc.constantFrom(schema.maximum + 1, schema.maximum + 0.5))
  if (schema.minimum !== undefined) past.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 0.5))
  if (schema.exclusiveMinimum !== undefined) past.push(fc.constant(schema.exclusiveMinimum))
  if (schema.enum !== undefined) past.push(fc.constantFrom(...schema.enum.map((member) => (typeof member === 'string' ? ` ${member.toUpperCase()}` : String(member)))))
  if (schema.maxItems !== undefined) past.push(fc.array(fc.constant('x'), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 }))
  return fc.oneof(
    { arbitrary: nastyString, weight: 3 },
    { arbitrary: nastyNumber, weight: 2 },
    { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }), weight: 1 },
    { arbitrary: anyJson, weight: 1 },
    ...(past.length > 0 ? [{ arbitrary: fc.oneof(...past), weight: 3 }] : [])
  )
}

const idNames = /(^id$|Id$|Ids$)/

/** A value that mostly satisfies the schema, so that a request gets past its first check to the next ones. */
export function plausibleValue(schema: JsonSchema, targets: FuzzTargets, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((one) => plausibleValue(one, targets, name, depth)))
  if (schema.allOf?.[0]) return plausibleValue(schema.allOf[0], targets, name, depth)
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string', 'integer', 'object']
  return fc.oneof(...types.map((type) => plausibleOfType(type, schema, targets, name, depth)))
}

function plausibleOfType(type: string, schema: JsonSchema, targets: FuzzTargets, name: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
    case 'number': {
      if (idNames.test(name) && targets.ids.length > 0) return fc.constantFrom(...targets.ids)
      const min = Math.ceil(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0))
      const max = Math.max(min, Math.floor(Math.min(schema.maximum ?? min + 1000, min + 100_000)))
      // Mostly near the bottom: versions, months and counts are small numbers.
      return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 10) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 })
    }
    case 'string':
      return plausibleString(schema, targets, name)
    case 'array': {
      if (depth > 3) return fc.constant([])
      return fc.array(plausibleValue(schema.items ?? {}, targets, name, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) })
    }
    case 'object':
      return depth > 3 ? fc.constant({}) : fuzzedObject(schema, targets, depth + 1, 0)
    default:
      return anyJson
  }
}

function plausibleString(schema: JsonSchema, targets: FuzzTargets, name: string): fc.Arbitrary<string> {
  if (idNames.test(name)) return fc.constantFrom(...targets.texts, ...targets.ids.map(String))
  // Field names say what a valid value looks like where the schema leaves it to the domain's checks.
  if (/email/i.test(name)) return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 254))
  if (/phone/i.test(name)) return fc.stringMatching(/^\+[1-9][0-9]{7,12}$/)
  if (/country/i.test(name)) return fc.constantFrom('DE', 'US', 'CN', 'FR', 'XX', 'de')
  if (/login|username/i.test(name)) return fc.stringMatching(/^[a-z][a-z0-9._]{2,20}$/)
  if (schema.format === 'email') return fc.emailAddress()
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'date') return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10))
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString())
  if (schema.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000))
    } catch {
      // A pattern fast-check cannot generate from: plain strings below.
    }
  }
  const minLength = schema.minLength ?? 0
  return fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) })
}

/**
 * An object after the schema's properties, each one left out, plausible or hostile, now and then with
 * an unknown key: the fields that matter, wrong one or two at a time. With `hostileWeight` 0 every
 * field is plausible, so that a large form gets past validation to the domain's own checks.
 */
export function fuzzedObject(schema: JsonSchema, targets: FuzzTargets, depth = 0, hostileWeight = 1): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {})
  const required = new Set(schema.required ?? [])
  const fields = properties.map(([key, property]) =>
    fc
      .oneof(
        { arbitrary: fc.constant(undefined), weight: required.has(key) ? 1 : 3 },
        { arbitrary: plausibleValue(property, targets, key, depth), weight: 6 },
        { arbitrary: hostileValue(property), weight: hostileWeight }
      )
      .map((value) => [key, value] as const)
  )
  const extra = hostileWeight === 0 ? fc.constant(null) : fc.option(fc.tuple(fc.constantFrom('unknownField', 'isAdmin', 'role', 'id', 'constructor', ''), anyJson), { freq: 8 })
  return fc.tuple(fc.tuple(...fields), extra).map(([pairs, unknown]) => {
    const object: Record<string, unknown> = {}
    for (const [key, value] of pairs) if (value !== undefined) object[key] = value
    if (unknown) object[unknown[0]] = unknown[1]
    return object
  })
}
