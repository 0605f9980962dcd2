import type { Kysely } from 'kysely'
import type { ResetLinkState, ResetLinkStatus } from '../../../shared/passwords'
import type { Database, ResetTokenPurpose } from '../../db/schema'
import { issueToken } from '../auth/tokens'

export const defaultResetLinkTtlMs = 60 * 60_000
export const defaultInviteLinkTtlMs = 72 * 3_600_000

export interface LinkSettings {
  /** Where links point, without a trailing slash (PUBLIC_URL, or the server's own address). */
  publicUrl: string
  resetLinkTtlMs: number
  inviteLinkTtlMs: number
}

export interface IssuedLink {
  /** Goes into the email only; the database keeps its SHA-256. */
  url: string
  state: ResetLinkState
  /** Outstanding links of the user that this one revoked. */
  supersededCount: number
}

interface ResetTokenRow {
  id: number
  purpose: ResetTokenPurpose
  created_at: Date
  expires_at: Date
  used_at: Date | null
  revoked_at: Date | null
}

export function linkStatus(row: ResetTokenRow, now: Date): ResetLinkStatus {
  if (row.used_at) return 'used'
  if (row.revoked_at) return 'revoked'
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'pending'
}

export function linkState(row: ResetTokenRow, now: Date): ResetLinkState {
  return {
    id: row.id,
    purpose: row.purpose,
    sentAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status: linkStatus(row, now),
    usedAt: row.used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null
  }
}

export function resetPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${token}`
}

/** Revokes every link of the user that could still be used; returns how many. */
export async function revokeOutstandingLinks(trx: Kysely<Database>, userId: number, now: Date): Promise<number> {
  const result = await trx
    .updateTable('reset_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * A new single-use link (256-bit token, stored as its SHA-256) that supersedes the user's older
 * outstanding ones. Call it inside the transaction that also queues the email.
 */
export async function issueLink(
  trx: Kysely<Database>,
  input: { userId: number; purpose: ResetTokenPurpose; createdBy: number | null; now: Date; settings: LinkSettings }
): Promise<IssuedLink> {
  const supersededCount = await revokeOutstandingLinks(trx, input.userId, input.now)
  const ttl = input.purpose === 'invite' ? input.settings.inviteLinkTtlMs : input.settings.resetLinkTtlMs
  const { token, hash } = issueToken()
  const row = await trx
    .insertInto('reset_tokens')
    .values({
      user_id: input.userId,
      token_hash: hash,
      purpose: input.purpose,
      created_by: input.createdBy,
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + ttl)
    })
    .returning(['id', 'purpose', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .executeTakeFirstOrThrow()
  return { url: resetPageUrl(input.settings.publicUrl, token), state: linkState(row, input.now), supersededCount }
}

/** The user's most recent link, whatever became of it; null when there never was one. */
export async function latestLink(db: Kysely<Database>, userId: number, now: Date): Promise<ResetLinkState | null> {
  const row = await db
    .selectFrom('reset_tokens')
    .select(['id', 'purpose', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? linkState(row, now) : null
}
