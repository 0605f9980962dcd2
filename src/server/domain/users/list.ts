import { sql, type Kysely } from 'kysely'
import type { ParsedUserListQuery, UserListPage } from '../../../shared/users'
import type { Database } from '../../db/schema'
import { listItemColumns, toListItem } from './list-item'
import { decodeCursor, encodeCursor, type UserCursor } from './cursor'
import { searchPatterns } from './search'
import { sortSpec, type SortSpec } from './sort'

/**
 * Builds the two queries behind GET /users: one page (keyset, limit + 1 rows to learn whether another
 * page follows) and the kind facet counts, which honour the search but not the kind filter, as the
 * counts in Odoo's search panel do. Exposed so that the benchmark can time the very same SQL.
 */
export function buildUserListQueries(db: Kysely<Database>, query: ParsedUserListQuery) {
  const sort = sortSpec(query.sort)
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, query.sort)
  const patterns = searchPatterns(query.q)

  let page = db
    .selectFrom('users as u')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .select([...listItemColumns, sql<string>`${sort.expression}::text`.as('sort_key')])
  if (query.kind !== 'all') page = page.where('u.kind', '=', query.kind)
  for (const pattern of patterns) page = page.where(sql<boolean>`u.search_text like ${pattern}`)
  if (cursor) page = page.where(keysetCondition(sort, cursor))
  page = page.orderBy(sort.expression, sort.direction).orderBy('u.id', sort.direction).limit(query.limit + 1)

  // Without a search the counts come from the trigger-kept totals; with one, from the matching rows.
  const facets =
    patterns.length === 0
      ? db
          .selectFrom('user_counts')
          .select([
            sql<number>`coalesce(sum(total) filter (where kind = 'portal'), 0)::int`.as('portal'),
            sql<number>`coalesce(sum(total) filter (where kind = 'internal'), 0)::int`.as('internal')
          ])
      : patterns.reduce(
          (query, pattern) => query.where(sql<boolean>`u.search_text like ${pattern}`),
          db
            .selectFrom('users as u')
            .select([
              sql<number>`count(*) filter (where u.kind = 'portal')::int`.as('portal'),
              sql<number>`count(*) filter (where u.kind = 'internal')::int`.as('internal')
            ])
        )

  return { page, facets, sort }
}

export async function listUsers(db: Kysely<Database>, query: ParsedUserListQuery): Promise<UserListPage> {
  const { page, facets, sort } = buildUserListQueries(db, query)
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
    items: items.map(toListItem),
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
