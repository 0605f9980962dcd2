import { z } from 'zod'

/** Ids are PostgreSQL `integer`s: a larger number cannot name a record. */
export const maxRecordId = 2_147_483_647

/**
 * A whole number that may arrive as a path or query-string value. Only plain decimal digits count:
 * `z.coerce.number()` would also read "0x10", "1e1", " 7 " or "" as numbers and so reach a record
 * nobody named.
 */
export const wholeNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^[0-9]{1,16}$/, 'Expected a whole number written in digits.')
    .transform(Number)
])

/** A record id from a query string or JSON: beyond `integer` it is a mistake (400). */
export const recordId = wholeNumber.pipe(z.number().int().positive().max(maxRecordId))

/** A record id in a path: any positive whole number, so that one naming no record answers 404. */
export const pathId = wholeNumber.pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))

/** A page size between `min` and `max`, `fallback` when absent. */
export function pageLimit(limits: { min: number; max: number; default: number }) {
  return wholeNumber.pipe(z.number().int().min(limits.min).max(limits.max)).default(limits.default)
}
