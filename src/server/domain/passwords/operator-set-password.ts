import type { Kysely } from 'kysely'
import type { OperatorRole } from '../../../shared/auth'
import type { DeskError } from '../../../shared/errors'
import { fieldRefusal, refusal } from '../refusal'
import type { SetPasswordRequest, SetPasswordResponse } from '../../../shared/passwords'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import type { AuditContext } from '../audit/record'
import { recordAudit } from '../audit/record'
import { enqueueMail } from '../mail/outbox'
import { setPassword } from './set-password'
import { endpoints, urlOf } from '../../../shared/endpoints'

export const supportTemporaryOnlyMessage = 'Support agents may only set a temporary password: send mustChange: true, so that the user chooses their own at the next sign-in.'
export const noEmailToNotifyMessage = 'This user has no email address, so the "password changed" email cannot be sent. Send notify: false.'

export const ownPasswordMessage =
  `You cannot set your own password here. Change it under My account → Password (POST ${urlOf(endpoints.changeOwnPassword)}), which asks for your current password.`

/**
 * An operator's own password changes only where the current one is asked for: a stolen desk session
 * (or an unattended desk) must not be able to take the account for good through the admin door.
 */
function ownPasswordRefusal(): DeskError {
  return refusal('CONFLICT', 'ownAccount', ownPasswordMessage, { use: urlOf(endpoints.changeOwnPassword) })
}

export interface OperatorSetPasswordInput {
  userId: number
  request: SetPasswordRequest
  actorRole: OperatorRole
  actorId: number
  audit: AuditContext
  now: Date
  portalUrl: string | null
}

/**
 * POST /users/:id/password: the policy, the hash, every session of the user revoked, the optional
 * "password changed" email (never the password) and the audit row, in one transaction. The role
 * matrix was checked by the route; the rules that support sets temporary passwords only and that
 * nobody sets their own password here are checked before anything changes.
 */
export async function operatorSetPassword(db: Kysely<Database>, input: OperatorSetPasswordInput): Promise<SetPasswordResponse> {
  if (input.userId === input.actorId) throw ownPasswordRefusal()
  if (input.actorRole === 'support' && !input.request.mustChange) {
    throw fieldRefusal('FORBIDDEN', 'supportTemporaryOnly', 'mustChange', supportTemporaryOnlyMessage)
  }
  return withTransaction(db, async (trx) => {
    const result = await setPassword(trx, {
      userId: input.userId,
      password: input.request.password,
      mustChange: input.request.mustChange,
      now: input.now
    })
    const { before, after } = result
    let mailId: string | null = null
    if (input.request.notify) {
      if (!after.email) throw fieldRefusal('VALIDATION', 'noEmailToNotify', 'notify', noEmailToNotifyMessage)
      const mail = await enqueueMail(trx, {
        userId: after.id,
        to: after.email,
        language: after.language,
        template: 'passwordChanged',
        data: { name: after.name, changedAt: input.now.toISOString(), portalUrl: input.portalUrl },
        now: input.now
      })
      mailId = mail.id
    }
    await recordAudit(trx, input.audit, {
      action: 'password.set',
      targetUserId: after.id,
      changes: {
        passwordHash: { from: before.password_hash, to: after.password_hash },
        mustChange: { from: before.must_change_password, to: after.must_change_password },
        resetRequired: { from: before.reset_required, to: after.reset_required },
        lockedUntil: { from: before.locked_until, to: after.locked_until },
        sessionsRevoked: { from: null, to: result.sessionsRevoked },
        notified: { from: null, to: input.request.notify }
      }
    })
    return { userId: after.id, mustChangePassword: after.must_change_password, sessionsRevoked: result.sessionsRevoked, mailId, version: after.version }
  })
}
