import type { Kysely } from 'kysely'
import { fieldRefusal } from '../refusal'
import type { TwoFactorDisableResult, TwoFactorInviteResult } from '../../../shared/security'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { enqueueMail } from '../mail/outbox'
import { revokeSessions } from '../sessions/revoke-sessions'
import { isTwoFactorEnabled, removeTwoFactor } from '../totp/self-service'
import { lockUser } from '../users/versioned-update'
import { portalUrlOf } from './portal-url'
import { ownSessionToKeep } from './sessions'

export interface SecurityActionInput {
  userId: number
  audit: AuditContext
  /** The caller's own session: kept when operators act on their own account. */
  callerSessionId: string | null
}

/**
 * Emails the user an invitation to turn on two-factor authentication. Refused (409) when it is already
 * on, when the account is archived or deleted, and when there is no email address to write to.
 */
export async function inviteToTwoFactor(db: Kysely<Database>, { userId, audit }: SecurityActionInput): Promise<TwoFactorInviteResult> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId)
    if (user.deleted_at !== null || !user.active) {
      const message = 'This account is archived: it cannot sign in, so it cannot be invited to two-factor authentication.'
      throw fieldRefusal('CONFLICT', user.deleted_at !== null ? 'accountDeleted' : 'accountArchived', 'active', message)
    }
    if (await isTwoFactorEnabled(trx, userId)) {
      throw fieldRefusal('CONFLICT', 'twoFactorAlreadyOn', 'twoFactor', 'Two-factor authentication is already on for this user.', 'Two-factor authentication is already on.')
    }
    if (!user.email) {
      throw fieldRefusal('CONFLICT', 'noEmail', 'email', 'This user has no email address to send the invitation to.', 'The user has no email address.')
    }
    const mail = await enqueueMail(trx, {
      userId,
      to: user.email,
      language: user.language,
      template: 'twoFactorInvitation',
      data: { name: user.name, portalUrl: await portalUrlOf(trx, user.website_id) },
      now: audit.at
    })
    await recordAudit(trx, audit, { action: 'twoFactor.invite', targetUserId: userId, changes: { invitationSentTo: { from: null, to: user.email } } })
    return { sentTo: user.email, mail: mail.status === 'blocked' ? 'blocked' : 'pending', mailId: mail.id, sentAt: audit.at.toISOString() }
  })
}

/**
 * Turns two-factor authentication off for a lost device: the TOTP secret (and any half-finished
 * enrolment) is removed, every session of the user ends (the caller's own is kept when operators act
 * on themselves), and the user is told by email. 409 when it was not on.
 */
export async function disableTwoFactor(db: Kysely<Database>, { userId, audit, callerSessionId }: SecurityActionInput): Promise<TwoFactorDisableResult> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId)
    // Also drops a half-finished enrolment; when 2FA was not on, the refusal rolls that back too.
    if (!(await removeTwoFactor(trx, userId))) {
      throw fieldRefusal('CONFLICT', 'twoFactorAlreadyOff', 'twoFactor', 'Two-factor authentication is not on for this user.', 'Two-factor authentication is already off.')
    }
    const keep = ownSessionToKeep(audit, userId, callerSessionId)
    const sessionsRevoked = await revokeSessions(trx, userId, { now: audit.at, ...(keep ? { exceptSessionId: keep } : {}) })
    const notified = Boolean(user.email)
    if (user.email) {
      await enqueueMail(trx, {
        userId,
        to: user.email,
        language: user.language,
        template: 'twoFactorDisabled',
        data: { name: user.name, disabledAt: audit.at.toISOString(), portalUrl: await portalUrlOf(trx, user.website_id) },
        now: audit.at
      })
    }
    await recordAudit(trx, audit, {
      action: 'twoFactor.disable',
      targetUserId: userId,
      changes: { twoFactor: { from: true, to: false }, activeSessions: { from: sessionsRevoked + (keep ? 1 : 0), to: keep ? 1 : 0 } }
    })
    return { twoFactor: false, sessionsRevoked, notified }
  })
}
