import type { Kysely } from 'kysely'
import type { ApiKeyList, RevokeResult } from '../../../shared/security'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { listApiKeys, revokeApiKey } from '../api-keys/keys'
import { recordAudit, type AuditContext } from '../audit/record'

/**
 * A user's API keys, newest first, as the portal side lists them (domain/api-keys: the prefix, never
 * the hash), with the name of the website each key belongs to.
 */
export async function listUserApiKeys(db: Kysely<Database>, userId: number, options: { includeRevoked: boolean }): Promise<ApiKeyList> {
  const keys = await listApiKeys(db, userId, options)
  const websiteIds = [...new Set(keys.map((key) => key.websiteId))]
  const websites = websiteIds.length === 0 ? [] : await db.selectFrom('websites').select(['id', 'name']).where('id', 'in', websiteIds).execute()
  const nameOf = new Map(websites.map((website) => [website.id, website.name]))
  return { items: keys.map((key) => ({ ...key, website: nameOf.get(key.websiteId) ?? null })) }
}

/**
 * Revokes one of the user's API keys (kept, marked revoked, so that its history stays readable):
 * 404 when the user has no key with this id, 409 when it was already revoked.
 */
export async function revokeUserApiKey(db: Kysely<Database>, input: { userId: number; keyId: number; audit: AuditContext }): Promise<RevokeResult> {
  return withTransaction(db, async (trx) => {
    const key = await revokeApiKey(trx, input.userId, input.keyId, input.audit.at)
    await recordAudit(trx, input.audit, {
      action: 'apiKey.revoke',
      targetUserId: input.userId,
      // Field names with "key" are redacted by the audit log: name the parts by what they are.
      changes: { revokedAt: { from: null, to: key.revokedAt }, description: { from: key.description, to: key.description }, prefix: { from: key.prefix, to: key.prefix } }
    })
    return { revoked: 1 }
  })
}
