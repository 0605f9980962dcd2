import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import type { CompanyPage, CompanySummary, ParsedCompanyListQuery } from '../../../shared/companies'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { searchPatterns } from '../users/search'

const cursorBody = z.object({
  // NUL cannot reach PostgreSQL, and no name holds it.
  k: z.string().max(600).refine((key) => !key.includes('\u0000')),
  i: z.number().int().min(1).max(2_147_483_647)
})

export function encodeCompanyCursor(key: string, id: number): string {
  return Buffer.from(JSON.stringify({ k: key, i: id }), 'utf8').toString('base64url')
}

export function decodeCompanyCursor(text: string): { key: string; id: number } {
  const message = 'The cursor is not valid; start again from the first page.'
  const invalid = new DeskError('VALIDATION', message, [{ path: 'cursor', message }])
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(text)) throw invalid
  try {
    const parsed = cursorBody.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return { key: parsed.k, id: parsed.i }
  } catch {
    throw invalid
  }
}

/** The columns of a company summary, from `companies as c`. */
export const companySummaryColumns = [
  'c.id',
  'c.name',
  'c.vat',
  'c.country',
  sql<number>`(select count(*) from users u where u.company_id = c.id)::int`.as('user_count'),
  sql<boolean>`exists (select 1 from documents d where d.company_id = c.id)`.as('document_locked')
] as const

export interface CompanySummaryRow {
  id: number
  name: string
  vat: string | null
  country: string | null
  user_count: number
  document_locked: boolean
}

export function toCompanySummary(row: CompanySummaryRow): CompanySummary {
  return { id: row.id, name: row.name, vat: row.vat, country: row.country, userCount: row.user_count, documentLocked: row.document_locked }
}

/**
 * GET /companies: by name (case-insensitive), keyset over the `(lower(name), id)` index. The search
 * matches every word in the name or the VAT number, wildcards typed by the user matching themselves.
 */
export async function listCompanies(db: Kysely<Database>, query: ParsedCompanyListQuery): Promise<CompanyPage> {
  let select = db.selectFrom('companies as c').select([...companySummaryColumns, sql<string>`lower(c.name)`.as('sort_key')])
  for (const pattern of searchPatterns(query.q)) {
    select = select.where(sql<boolean>`(lower(c.name) like ${pattern} or lower(coalesce(c.vat, '')) like ${pattern})`)
  }
  if (query.cursor !== undefined) {
    const cursor = decodeCompanyCursor(query.cursor)
    select = select.where(sql<boolean>`(lower(c.name), c.id) > (${cursor.key}::text, ${cursor.id})`)
  }
  const rows = await select.orderBy(sql`lower(c.name)`).orderBy('c.id').limit(query.limit + 1).execute()
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  return {
    items: items.map(toCompanySummary),
    nextCursor: rows.length > query.limit && last ? encodeCompanyCursor(last.sort_key, last.id) : null
  }
}
