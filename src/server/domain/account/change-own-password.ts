import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { fieldRefusal } from '../refusal'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { verifyPassword } from '../auth/passwords'
import { enqueueMail } from '../mail/outbox'
import { setPassword } from '../passwords/set-password'
import { portalUrlOf } from '../security/portal-url'
import type { AccountActor } from './account-actor'
import { confirmOwnPassword, ownAuditContext } from './confirm-password'

/**
 * Change my password with the current one (a portal user's /me/password, an operator's My account): the current password goes through the sign-in gate (a wrong
 * one counts as a failed attempt: 401), the new one through the policy (400 on `newPassword`) and
 * must differ from the current one; the other sessions are revoked, this one is kept; the user is
 * told by email. This is also how a temporary password is replaced: "must change password" is
 * cleared, so this session stops being restricted. Audited `password.change`.
 */
export async function changeOwnPassword(db: Kysely<Database>, actor: AccountActor, currentPassword: string, newPassword: string): Promise<{ sessionsRevoked: number }> {
  await confirmOwnPassword(db, actor, currentPassword)
  return withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow()
    if (user.password_hash && (await verifyPassword(user.password_hash, newPassword))) {
      const message = 'Choose a password different from the current one.'
      throw fieldRefusal('VALIDATION', 'sameAsCurrentPassword', 'newPassword', message)
    }
    let result
    try {
      result = await setPassword(trx, { userId: actor.userId, password: newPassword, mustChange: false, now: actor.now, exceptSessionId: actor.sessionId })
    } catch (error) {
      // The policy names `password`; in this request the field is `newPassword`.
      if (error instanceof DeskError && error.code === 'VALIDATION' && Array.isArray(error.details)) {
        throw new DeskError('VALIDATION', error.message, error.details.map((issue: { path: string; message: string }) => ({ ...issue, path: 'newPassword' })))
      }
      throw error
    }
    await recordAudit(trx, ownAuditContext(actor), {
      action: 'password.change',
      targetUserId: actor.userId,
      changes: {
        password: { from: null, to: null },
        sessionsRevoked: { from: null, to: result.sessionsRevoked },
        ...(result.before.must_change_password ? { mustChange: { from: true, to: false } } : {})
      }
    })
    if (result.after.email) {
      await enqueueMail(trx, {
        userId: actor.userId,
        to: result.after.email,
        language: result.after.language,
        template: 'passwordChanged',
        data: { name: result.after.name, changedAt: actor.now.toISOString(), portalUrl: await portalUrlOf(trx, result.after.website_id) },
        now: actor.now
      })
    }
    return { sessionsRevoked: result.sessionsRevoked }
  })
}

