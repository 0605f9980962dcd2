import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'

/** Where passkeys of a user live: the portal website they are registered on (its host is the RP ID). */
export interface RelyingParty {
  name: string
  /** The website's host. */
  id: string
  /** The website's origin, which the browser puts in clientDataJSON. */
  origin: string
}

export function relyingPartyOf(website: { name: string; url: string; host: string }): RelyingParty | null {
  try {
    return { name: website.name, id: website.host, origin: new URL(website.url).origin }
  } catch {
    return null
  }
}

/** The relying party of a website by id; 400 VALIDATION when there is no usable website. */
export async function relyingPartyOfWebsite(db: Kysely<Database>, websiteId: number | null, path = 'websiteId'): Promise<RelyingParty> {
  const website =
    websiteId === null ? undefined : await db.selectFrom('websites').select(['name', 'url', 'host']).where('id', '=', websiteId).executeTakeFirst()
  const party = website ? relyingPartyOf(website) : null
  if (!party) {
    const message = 'Passkeys need a portal website: this account has none. Contact an administrator.'
    throw new DeskError('VALIDATION', message, [{ path, message }])
  }
  return party
}
