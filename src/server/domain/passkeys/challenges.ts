import type { Kysely } from 'kysely'
import type { Database, WebauthnPurpose } from '../../db/schema'

/** A ceremony must finish within this time; the browser's own timeout is the same. */
export const challengeTtlMs = 5 * 60_000

export async function storeChallenge(
  db: Kysely<Database>,
  challenge: { value: string; purpose: WebauthnPurpose; userId: number | null; sessionId: string | null },
  now: Date
): Promise<void> {
  // Expired ones are useless: clear them while here, so the table stays small without a job.
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<', now).execute()
  await db
    .insertInto('webauthn_challenges')
    .values({
      challenge: challenge.value,
      purpose: challenge.purpose,
      user_id: challenge.userId,
      session_id: challenge.sessionId,
      created_at: now,
      expires_at: new Date(now.getTime() + challengeTtlMs)
    })
    .execute()
}

/**
 * Spends a challenge: marks it used and returns true only if it existed for this purpose (and user,
 * when given), was unused and unexpired. One atomic UPDATE: two requests cannot both spend it.
 */
export async function consumeChallenge(
  db: Kysely<Database>,
  challenge: { value: string; purpose: WebauthnPurpose; userId?: number; sessionId?: string },
  now: Date
): Promise<boolean> {
  if (challenge.value.length < 16 || challenge.value.length > 512) return false
  let update = db
    .updateTable('webauthn_challenges')
    .set({ used_at: now })
    .where('challenge', '=', challenge.value)
    .where('purpose', '=', challenge.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
  if (challenge.userId !== undefined) update = update.where('user_id', '=', challenge.userId)
  if (challenge.sessionId !== undefined) update = update.where('session_id', '=', challenge.sessionId)
  const result = await update.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The challenge a browser signed, read from its clientDataJSON (base64url JSON); null when unreadable. */
export function challengeOfClientData(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null) return null
    const challenge = (parsed as { challenge?: unknown }).challenge
    return typeof challenge === 'string' ? challenge : null
  } catch {
    return null
  }
}
