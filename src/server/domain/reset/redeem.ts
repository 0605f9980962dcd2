import type { Kysely } from 'kysely'
import type { Locale } from '../../../shared/errors'
import type { Database, ResetTokenPurpose } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { hashToken, isWellFormedToken } from '../auth/tokens'
import { enqueueMail } from '../mail/outbox'
import { setPassword } from '../passwords/set-password'

/** What the reset page may know about a usable link: enough to greet the user in their language. */
export interface UsableLink {
  tokenId: number
  userId: number
  purpose: ResetTokenPurpose
  language: Locale
}

export interface RedeemOrigin {
  ip: string | null
  userAgent: string | null
}

export type RedeemResult = { ok: true; language: Locale; purpose: ResetTokenPurpose } | { ok: false }

/**
 * The link behind `token` if it can still set a password: known, neither used nor revoked nor
 * expired, and its user active and not deleted. Anything else is null, with no reason given: the
 * page must not tell an unknown token from an expired one (nor whether the account exists).
 */
export async function findUsableLink(db: Kysely<Database>, token: string, now: Date, forUpdate = false): Promise<UsableLink | null> {
  if (!isWellFormedToken(token)) return null
  let query = db
    .selectFrom('reset_tokens')
    .innerJoin('users', 'users.id', 'reset_tokens.user_id')
    .select(['reset_tokens.id as tokenId', 'reset_tokens.user_id as userId', 'reset_tokens.purpose', 'users.language'])
    .where('reset_tokens.token_hash', '=', hashToken(token))
    .where('reset_tokens.used_at', 'is', null)
    .where('reset_tokens.revoked_at', 'is', null)
    .where('reset_tokens.expires_at', '>', now)
    .where('users.active', '=', true)
    .where('users.deleted_at', 'is', null)
  if (forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row ?? null
}

/**
 * Sets the password through a link, in one transaction: the link is marked used (single use; a
 * concurrent second request waits on the row lock and then finds it used), the policy is checked
 * (a refusal rolls everything back and keeps the link usable), every session is revoked, "reset
 * required" is cleared, a "password changed" email is queued after a reset, and the audit row is
 * written with the user as actor.
 */
export async function redeemLink(
  db: Kysely<Database>,
  input: { token: string; password: string; now: Date; origin: RedeemOrigin; portalUrl: string | null }
): Promise<RedeemResult> {
  return withTransaction(db, async (trx) => {
    const link = await findUsableLink(trx, input.token, input.now, true)
    if (!link) return { ok: false }
    await trx.updateTable('reset_tokens').set({ used_at: input.now }).where('id', '=', link.tokenId).execute()
    const result = await setPassword(trx, { userId: link.userId, password: input.password, mustChange: false, now: input.now })
    const { before, after } = result
    await recordAudit(
      trx,
      { at: input.now, actorId: after.id, actorLogin: after.login, actorRole: 'portal', ip: input.origin.ip, userAgent: input.origin.userAgent, ticketRef: null, reason: null },
      {
        action: link.purpose === 'invite' ? 'password.invitationAccept' : 'password.reset',
        targetUserId: after.id,
        changes: {
          passwordHash: { from: before.password_hash, to: after.password_hash },
          resetRequired: { from: before.reset_required, to: after.reset_required },
          mustChange: { from: before.must_change_password, to: after.must_change_password },
          sessionsRevoked: { from: null, to: result.sessionsRevoked }
        }
      }
    )
    if (link.purpose === 'reset' && after.email) {
      await enqueueMail(trx, {
        userId: after.id,
        to: after.email,
        language: after.language,
        template: 'passwordChanged',
        data: { name: after.name, changedAt: input.now.toISOString(), portalUrl: input.portalUrl },
        now: input.now
      })
    }
    return { ok: true, language: after.language, purpose: link.purpose }
  })
}
