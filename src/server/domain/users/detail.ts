import type { Kysely } from 'kysely'
import type { UserDetail } from '../../../shared/users'
import type { Database } from '../../db/schema'
import { listItemColumns, toListItem } from './list-item'

const maxInt4 = 2_147_483_647

/** One user as the detail view shows it, or null when no user has this id. */
export async function getUserDetail(db: Kysely<Database>, id: number): Promise<UserDetail | null> {
  // Ids are int4 in the database: a larger number cannot exist, and comparing it would be an SQL error.
  if (!Number.isSafeInteger(id) || id < 1 || id > maxInt4) return null
  const row = await db
    .selectFrom('users as u')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .select([
      ...listItemColumns,
      'u.company_id',
      'u.website_id',
      'u.first_name',
      'u.last_name',
      'u.role',
      'u.language',
      'u.city',
      'u.country',
      'u.created_at',
      'u.updated_at'
    ])
    .where('u.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return {
    ...toListItem(row),
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    language: row.language,
    city: row.city,
    country: row.country,
    companyId: row.company_id,
    websiteId: row.website_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString()
  }
}
