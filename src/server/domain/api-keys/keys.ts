import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import type { ApiKeyItem } from '../../../shared/portal'
import type { ApiKeyScope, Database } from '../../db/schema'
import { fieldRefusal } from '../refusal'

/**
 * Portal API keys, Oro-style: at most one live key per user and website (a partial unique index
 * holds it), shown once at creation, stored as a SHA-256 hash with a short public prefix that names
 * it in lists. A key is `pk_<8 chars>_<43 chars>`: 48 random bytes in all, so a fast hash is enough.
 */
const keyPattern = /^pk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest()
}

export function newApiKey(): { key: string; prefix: string; hash: Buffer } {
  const prefix = `pk_${randomBytes(6).toString('base64url')}`
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`
  return { key, prefix, hash: hashApiKey(key) }
}

interface ApiKeyRow {
  id: number
  description: string
  scope: ApiKeyScope
  key_prefix: string
  website_id: number
  created_at: Date
  expires_at: Date | null
  last_used_at: Date | null
  revoked_at: Date | null
}

const columns = ['id', 'description', 'scope', 'key_prefix', 'website_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const

export function toApiKeyItem(row: ApiKeyRow): ApiKeyItem {
  return {
    id: row.id,
    description: row.description,
    scope: row.scope,
    prefix: row.key_prefix,
    websiteId: row.website_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null
  }
}

/** A user's keys, newest first; revoked ones too when asked (their history stays readable). */
export async function listApiKeys(db: Kysely<Database>, userId: number, options: { includeRevoked?: boolean } = {}): Promise<ApiKeyItem[]> {
  let query = db.selectFrom('api_keys').select(columns).where('user_id', '=', userId)
  if (!options.includeRevoked) query = query.where('revoked_at', 'is', null)
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toApiKeyItem)
}

export interface CreateApiKeyInput {
  userId: number
  websiteId: number | null
  description: string
  scope: ApiKeyScope
  expiresAt: Date | null
  now: Date
}

/**
 * Creates the user's key for their website and returns it once. A second live key for the same
 * website is 409 CONFLICT (revoke the first); a user without a website cannot have one (400).
 */
export async function createApiKey(trx: Kysely<Database>, input: CreateApiKeyInput): Promise<{ key: string; item: ApiKeyItem }> {
  if (input.websiteId === null) {
    const message = 'API keys belong to a portal website, and this account has none. Contact an administrator.'
    throw fieldRefusal('VALIDATION', 'apiKeyNeedsWebsite', 'websiteId', message)
  }
  const existing = await trx.selectFrom('api_keys').select('id').where('user_id', '=', input.userId).where('website_id', '=', input.websiteId).where('revoked_at', 'is', null).executeTakeFirst()
  if (existing) {
    const message = 'You already have an API key for this portal. Revoke it first to create a new one.'
    throw fieldRefusal('CONFLICT', 'apiKeyExists', 'websiteId', message)
  }
  const issued = newApiKey()
  const row = await trx
    .insertInto('api_keys')
    .values({
      user_id: input.userId,
      website_id: input.websiteId,
      description: input.description,
      scope: input.scope,
      key_prefix: issued.prefix,
      key_hash: issued.hash,
      created_at: input.now,
      expires_at: input.expiresAt
    })
    .returning(columns)
    .executeTakeFirstOrThrow()
  return { key: issued.key, item: toApiKeyItem(row) }
}

/** Revokes one of the user's own keys: 404 for anyone else's, 409 when already revoked. */
export async function revokeApiKey(trx: Kysely<Database>, userId: number, keyId: number, now: Date): Promise<ApiKeyItem> {
  const current = await trx.selectFrom('api_keys').select(columns).where('id', '=', keyId).where('user_id', '=', userId).forUpdate().executeTakeFirst()
  if (!current) throw refusal('NOT_FOUND', 'alreadyGone', 'There is no API key with this id.')
  if (current.revoked_at !== null) throw refusal('CONFLICT', 'alreadyRevoked', 'This API key was already revoked.')
  const row = await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', keyId).returning(columns).executeTakeFirstOrThrow()
  return toApiKeyItem(row)
}

/** Revokes every live key of the user (an account taken back from someone else); returns how many. */
export async function revokeAllApiKeys(trx: Kysely<Database>, userId: number, now: Date): Promise<number> {
  const result = await trx.updateTable('api_keys').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface VerifiedApiKey {
  keyId: number
  userId: number
  websiteId: number
  scope: ApiKeyScope
}

/**
 * The owner of a presented key, or null: unknown, malformed, revoked, expired, or its user can no
 * longer sign in (archived, deleted, reset required). Marks the key used.
 */
export async function verifyApiKey(db: Kysely<Database>, key: string, now: Date): Promise<VerifiedApiKey | null> {
  if (!keyPattern.test(key)) return null
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.user_id', 'k.website_id', 'k.scope', 'k.expires_at', 'k.revoked_at', 'u.active', 'u.deleted_at', 'u.reset_required'])
    .where('k.key_hash', '=', hashApiKey(key))
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null
  if (!row.active || row.deleted_at !== null || row.reset_required) return null
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute()
  return { keyId: row.id, userId: row.user_id, websiteId: row.website_id, scope: row.scope }
}
