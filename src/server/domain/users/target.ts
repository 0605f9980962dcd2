import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database, UserKindColumn } from '../../db/schema'

const maxInt4 = 2_147_483_647

export interface UserTarget {
  id: number
  kind: UserKindColumn
  login: string
  version: number
}

/**
 * The user an operator action is about, enough to authorize it (`authorize(request, action, target)`),
 * or 404 NOT_FOUND. Ids beyond int4 cannot exist and are 404 rather than an SQL error.
 */
export async function findUserTarget(db: Kysely<Database>, id: number): Promise<UserTarget> {
  const row =
    Number.isSafeInteger(id) && id >= 1 && id <= maxInt4
      ? await db.selectFrom('users').select(['id', 'kind', 'login', 'version']).where('id', '=', id).executeTakeFirst()
      : undefined
  if (!row) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
  return row
}
