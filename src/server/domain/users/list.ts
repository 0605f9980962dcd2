import { sql, type Kysely, type RawBuilder } from 'kysely'
import { dormantAfterDays, type CompleteUserListPage, type ParsedUserListQuery } from '../../../shared/users'
import type { Database } from '../../db/schema'
import { listItemColumns, lockedAt, toListItem } from './list-item'
import { decodeCursor, encodeCursor, type UserCursor } from './cursor'
import { searchPatterns } from './search'
import { sortSpec, type SortSpec } from './sort'

/**
 * The filters of GET /users besides the kind, as conditions on `users as u`. Each one can use an
 * index: active/archived is a plain column, the lock a partial index, sign-ins the sign-in sort
 * index, company and website their foreign-key indexes, 2FA the (small) totp table.
 */
export function filterConditions(query: ParsedUserListQuery, now: Date): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = []
  const status = statusCondition(query)
  if (status) conditions.push(status)
  const twoFactorOn = sql<boolean>`exists (select 1 from totp tf where tf.user_id = u.id and tf.enabled_at is not null)`
  if (query.twoFactor === 'on') conditions.push(twoFactorOn)
  if (query.twoFactor === 'off') conditions.push(sql<boolean>`not ${twoFactorOn}`)
  if (query.locked === 'true') conditions.push(lockedAt(now))
  if (query.locked === 'false') conditions.push(sql<boolean>`not coalesce(${lockedAt(now)}, false)`)
  if (query.signIn === 'never') conditions.push(sql<boolean>`u.last_sign_in_at is null`)
  if (query.signIn === 'dormant') {
    const since = new Date(now.getTime() - dormantAfterDays * 86_400_000)
    conditions.push(sql<boolean>`u.last_sign_in_at < ${since}::timestamptz`)
  }
  if (query.companyId !== undefined) conditions.push(sql<boolean>`u.company_id = ${query.companyId}`)
  if (query.websiteId !== undefined) conditions.push(sql<boolean>`u.website_id = ${query.websiteId}`)
  return conditions
}

/** Active (the default), archived, or null for all. */
function statusCondition(query: ParsedUserListQuery): RawBuilder<boolean> | null {
  const status = query.status ?? 'active'
  return status === 'active' ? sql<boolean>`u.active` : status === 'archived' ? sql<boolean>`not u.active` : null
}

/**
 * Builds the two queries behind GET /users: one page (keyset, limit + 1 rows to learn whether another
 * page follows) and the kind counts. The counts honour the search and the status, not the kind (as the
 * counts in Odoo's search panel) nor the other filters: those can match most of the table (2FA off,
 * never signed in), and counting them would scan every row on each page (70–100 ms for 100,000 users
 * on PGlite), where the status alone is one read of the trigger-kept `user_counts`.
 * Exposed so that the benchmark can time the very same SQL. `now` is the server clock's (locks and
 * dormancy); the default is only for the benchmark.
 */
export function buildUserListQueries(db: Kysely<Database>, query: ParsedUserListQuery, now: Date = new Date()) {
  const sort = sortSpec(query.sort)
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, query.sort)
  const patterns = searchPatterns(query.q)
  const status = query.status ?? 'active'

  let page = db
    .selectFrom('users as u')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .leftJoin('totp as t', 't.user_id', 'u.id')
    .select([...listItemColumns, sql<string>`${sort.expression}::text`.as('sort_key')])
  if (query.kind !== 'all') page = page.where('u.kind', '=', query.kind)
  for (const condition of filterConditions(query, now)) page = page.where(condition)
  for (const pattern of patterns) page = page.where(sql<boolean>`u.search_text like ${pattern}`)
  if (cursor) page = page.where(keysetCondition(sort, cursor))
  page = page.orderBy(sort.expression, sort.direction).orderBy('u.id', sort.direction).limit(query.limit + 1)

  // Without a search the counts come from the trigger-kept totals; with one, from the matching rows.
  const counted = status === 'all' ? sql`total` : status === 'active' ? sql`active` : sql`total - active`
  const statusFilter = statusCondition(query)
  const facets =
    patterns.length === 0
      ? db
          .selectFrom('user_counts')
          .select([
            sql<number>`coalesce(sum(${counted}) filter (where kind = 'portal'), 0)::int`.as('portal'),
            sql<number>`coalesce(sum(${counted}) filter (where kind = 'internal'), 0)::int`.as('internal')
          ])
      : [...(statusFilter ? [statusFilter] : []), ...patterns.map((pattern) => sql<boolean>`u.search_text like ${pattern}`)].reduce(
          (counts, condition) => counts.where(condition),
          db
            .selectFrom('users as u')
            .select([
              sql<number>`count(*) filter (where u.kind = 'portal')::int`.as('portal'),
              sql<number>`count(*) filter (where u.kind = 'internal')::int`.as('internal')
            ])
        )

  return { page, facets, sort }
}

export async function listUsers(db: Kysely<Database>, query: ParsedUserListQuery, now: Date): Promise<CompleteUserListPage> {
  const { page, facets, sort } = buildUserListQueries(db, query, now)
  const [rows, counts] = await Promise.all([page.execute(), facets.executeTakeFirstOrThrow()])
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          sort: query.sort,
          key: sort.keyType === 'time' ? (last.last_sign_in_at?.toISOString() ?? null) : last.sort_key,
          id: last.id
        })
      : null
  return {
    items: items.map((row) => toListItem(row, now)),
    nextCursor,
    facets: { kind: { portal: counts.portal, internal: counts.internal } }
  }
}

function keysetCondition(sort: SortSpec, cursor: UserCursor) {
  const key = sort.keyType === 'time' ? sql`coalesce(${cursor.key}::timestamptz, '-infinity'::timestamptz)` : sql`${cursor.key}::text`
  return sort.direction === 'asc'
    ? sql<boolean>`(${sort.expression}, u.id) > (${key}, ${cursor.id})`
    : sql<boolean>`(${sort.expression}, u.id) < (${key}, ${cursor.id})`
}
