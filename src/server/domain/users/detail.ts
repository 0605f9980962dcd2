import { sql, type Kysely } from 'kysely'
import type { UserDetail } from '../../../shared/users'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { pendingEmailChangeOf } from '../email-change/pending'
import { listItemColumns, toListItem } from './list-item'

const maxInt4 = 2_147_483_647

export type CompleteUserDetail = Required<UserDetail>

/** One user as the detail view shows it, or null when no user has this id. */
export async function getUserDetail(db: Kysely<Database>, id: number, now: Date): Promise<CompleteUserDetail | null> {
  // Ids are int4 in the database: a larger number cannot exist, and comparing it would be an SQL error.
  if (!Number.isSafeInteger(id) || id < 1 || id > maxInt4) return null
  const row = await db
    .selectFrom('users as u')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .leftJoin('totp as t', 't.user_id', 'u.id')
    .leftJoin('companies as c', 'c.id', 'u.company_id')
    .select([
      ...listItemColumns,
      'c.vat',
      'u.reset_required',
      'u.deleted_at',
      sql<boolean>`exists (select 1 from documents d where d.company_id = u.company_id)`.as('document_locked')
    ])
    .where('u.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return {
    ...toListItem(row, now),
    vat: row.vat,
    documentLocked: row.document_locked,
    resetRequired: row.reset_required,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    pendingEmailChange: await pendingEmailChangeOf(db, row.id, now)
  }
}

/** The detail, or 404 NOT_FOUND. */
export async function requireUserDetail(db: Kysely<Database>, id: number, now: Date): Promise<CompleteUserDetail> {
  const detail = await getUserDetail(db, id, now)
  if (!detail) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
  return detail
}
