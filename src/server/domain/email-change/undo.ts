import type { Kysely } from 'kysely'
import type { Locale } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { revokeAllApiKeys } from '../api-keys/keys'
import { recordAudit } from '../audit/record'
import { hashToken, isWellFormedToken } from '../auth/tokens'
import { enqueueMail } from '../mail/outbox'
import { deleteAllPasskeys } from '../passkeys/manage'
import { issueLink, type LinkSettings } from '../reset/links'
import type { RedeemOrigin } from '../reset/redeem'
import { revokeSessions } from '../sessions/revoke-sessions'
import { forgetTrustedDevices } from '../sign-in/device-tokens'
import { removeTwoFactor } from '../totp/self-service'
import { lockUser, updateUserVersioned } from '../users/versioned-update'
import { cancelPendingEmailChanges, emailTakenByOther } from './pending'

export interface UndoableChange {
  changeId: number
  userId: number
  oldEmail: string
  language: Locale
}

/**
 * The change behind an undo token if it can still be undone: known, not undone, within its 7 days,
 * its user not deleted. Confirmed and replaced changes can still be undone: that is the point of the
 * link (whoever changed the address may have confirmed it from their own mailbox).
 */
export async function findUndoableChange(db: Kysely<Database>, token: string, now: Date, forUpdate = false): Promise<UndoableChange | null> {
  if (!isWellFormedToken(token)) return null
  let query = db
    .selectFrom('email_changes as ec')
    .innerJoin('users as u', 'u.id', 'ec.user_id')
    .select(['ec.id as changeId', 'ec.user_id as userId', 'ec.old_email as oldEmail', 'u.language'])
    .where('ec.undo_token_hash', '=', hashToken(token))
    .where('ec.undone_at', 'is', null)
    .where('ec.undo_expires_at', '>', now)
    .where('ec.old_email', 'is not', null)
    .where('u.deleted_at', 'is', null)
  if (forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && row.oldEmail !== null ? { ...row, oldEmail: row.oldEmail } : null
}

export type UndoResult = { ok: true; language: Locale } | { ok: false }

/**
 * POST of the undo page, for the owner of the old address who did not ask for the change: in one
 * transaction, the old address is the primary one again (unless another account took it meanwhile),
 * every pending change is cancelled, every session and API key of the user ends, a new password is
 * required (`reset_required`: no sign-in until it is set) and its reset link goes to the restored
 * address. Audited as `email.undoChange` with the user as actor. Single use.
 *
 * Whoever changed the address had the account, so every way in they could have added goes too, not
 * only the password: passkeys (each signs in without a password once the new one is set), the
 * authenticator app (a thief's app would ask the owner for codes they cannot give) and the trusted
 * devices (exempt from the account's lock). Nothing tells the owner's additions from the thief's;
 * the owner sets them up again after choosing the new password, and the page says so.
 */
export async function undoEmailChange(db: Kysely<Database>, input: { token: string; now: Date; origin: RedeemOrigin; settings: LinkSettings }): Promise<UndoResult> {
  return withTransaction(db, async (trx): Promise<UndoResult> => {
    const change = await findUndoableChange(trx, input.token, input.now, true)
    if (!change) return { ok: false }
    const before = await lockUser(trx, change.userId)
    const now = input.now
    await trx.updateTable('email_changes').set({ undone_at: now }).where('id', '=', change.changeId).execute()
    const cancelled = await cancelPendingEmailChanges(trx, before.id, now)
    const alreadyOld = before.email?.toLowerCase() === change.oldEmail.toLowerCase()
    const restorable = alreadyOld || !(await emailTakenByOther(trx, change.oldEmail, before.id))
    const after = await updateUserVersioned(trx, before.id, before.version, { ...(restorable && !alreadyOld ? { email: change.oldEmail } : {}), reset_required: true }, now)
    const sessionsRevoked = await revokeSessions(trx, before.id, { now })
    const apiKeysRevoked = await revokeAllApiKeys(trx, before.id, now)
    const passkeysRemoved = await deleteAllPasskeys(trx, before.id)
    const twoFactorWasOn = await removeTwoFactor(trx, before.id)
    const trustedDevicesForgotten = await forgetTrustedDevices(trx, before.id)
    let resetLinkSent = false
    if (restorable && after.active) {
      const link = await issueLink(trx, { userId: before.id, purpose: 'reset', createdBy: null, now, settings: input.settings })
      await enqueueMail(trx, {
        userId: before.id,
        to: change.oldEmail,
        language: after.language,
        template: 'resetLink',
        data: { name: after.name, link: link.url, expiresAt: link.state.expiresAt, reason: 'required' },
        now
      })
      resetLinkSent = true
    }
    await recordAudit(
      trx,
      { at: now, actorId: before.id, actorLogin: before.login, actorRole: 'portal', ip: input.origin.ip, userAgent: input.origin.userAgent, ticketRef: null, reason: null },
      {
        action: 'email.undoChange',
        targetUserId: before.id,
        changes: {
          email: { from: before.email, to: after.email },
          pendingEmailChanges: { from: cancelled, to: 0 },
          resetRequired: { from: before.reset_required, to: true },
          sessionsRevoked: { from: null, to: sessionsRevoked },
          apiKeysRevoked: { from: null, to: apiKeysRevoked },
          passkeysRemoved: { from: null, to: passkeysRemoved },
          twoFactor: { from: twoFactorWasOn, to: false },
          trustedDevicesForgotten: { from: null, to: trustedDevicesForgotten },
          resetLinkSent: { from: null, to: resetLinkSent }
        }
      }
    )
    return { ok: true, language: after.language }
  })
}
