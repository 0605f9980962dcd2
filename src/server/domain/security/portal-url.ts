import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** The address of the portal a user is registered on (their website), for emails; null when unknown. */
export async function portalUrlOf(db: Kysely<Database>, websiteId: number | null): Promise<string | null> {
  if (websiteId === null) return null
  const website = await db.selectFrom('websites').select('url').where('id', '=', websiteId).executeTakeFirst()
  return website?.url ?? null
}
