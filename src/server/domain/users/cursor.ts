import { z } from 'zod'
import { DeskError } from '../../../shared/errors'
import { userSort, type UserSort } from '../../../shared/users'

/** Where the previous page ended: its last row's sort key and id, for the same sort order. */
export interface UserCursor {
  sort: UserSort
  /** The sort key as SQL computed it (text sorts), or the ISO sign-in time / null (time sort). */
  key: string | null
  id: number
}

const maxInt4 = 2_147_483_647

const cursorBody = z.object({
  s: userSort,
  // NUL cannot be sent to PostgreSQL, and no sort key contains it.
  k: z.string().max(600).refine((key) => !key.includes('\u0000')).nullable(),
  i: z.number().int().min(1).max(maxInt4)
})

export function encodeCursor(cursor: UserCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id }), 'utf8').toString('base64url')
}

/** Parses a cursor from the client; anything unexpected is a VALIDATION error, never a crash. */
export function decodeCursor(text: string, sort: UserSort): UserCursor {
  const invalid = (message: string) => new DeskError('VALIDATION', message, [{ path: 'cursor', message }])
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(text)) throw invalid('The cursor is not valid; start again from the first page.')
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw invalid('The cursor is not valid; start again from the first page.')
  }
  const result = cursorBody.safeParse(parsed)
  if (!result.success) throw invalid('The cursor is not valid; start again from the first page.')
  const { s, k, i } = result.data
  if (s !== sort) throw invalid('The cursor belongs to another sort order; start again from the first page.')
  const timeSort = s === 'lastSignInAt' || s === '-lastSignInAt'
  if (timeSort ? k !== null && !isIsoInstant(k) : k === null) {
    throw invalid('The cursor is not valid; start again from the first page.')
  }
  return { sort: s, key: k, id: i }
}

function isIsoInstant(value: string): boolean {
  return z.iso.datetime().safeParse(value).success && !Number.isNaN(Date.parse(value))
}
