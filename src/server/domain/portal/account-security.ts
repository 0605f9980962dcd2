import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { revokeSessions } from '../sessions/revoke-sessions'
import { passPasswordGate } from '../sign-in/password-gate'
import { confirmOwnPassword, ownAuditContext } from '../account/confirm-password'
import { eraseAccount } from '../users/erase-account'
import type { AccountActor } from '../account/account-actor'

/** "Log out from all devices": with the password, every session of the user but this one. Audited `sessions.revoke`. */
export async function signOutOtherSessions(db: Kysely<Database>, actor: AccountActor, password: string): Promise<number> {
  await confirmOwnPassword(db, actor, password)
  return withTransaction(db, async (trx) => {
    const revoked = await revokeSessions(trx, actor.userId, { now: actor.now, exceptSessionId: actor.sessionId })
    await recordAudit(trx, ownAuditContext(actor), { action: 'sessions.revoke', targetUserId: actor.userId, changes: { revoked: { from: null, to: revoked } } })
    return revoked
  })
}

/**
 * Delete my account: the password and the login typed in again (a mismatch is 400 on `login`, nothing
 * changed), then Odoo's deletion (users/erase-account.ts) with the block list as asked. Audited
 * `account.delete`; every session ends, this one included.
 */
export async function deleteOwnAccount(db: Kysely<Database>, actor: AccountActor, input: { password: string; login: string; blocklist: boolean }): Promise<void> {
  const user = await db.selectFrom('users').select(['id', 'login', 'password_hash', 'locked_until']).where('id', '=', actor.userId).executeTakeFirstOrThrow()
  if (input.login.trim().toLowerCase() !== user.login.toLowerCase()) {
    const message = 'Type your login exactly as shown to confirm the deletion.'
    throw new DeskError('VALIDATION', message, [{ path: 'login', message }])
  }
  await passPasswordGate(db, { login: actor.login, password: input.password, audience: 'portal', ip: actor.ip, userAgent: actor.userAgent, now: actor.now }, user)
  await withTransaction(db, async (trx) => {
    const deleted = await eraseAccount(trx, actor.userId, { blocklist: input.blocklist, now: actor.now, requestedBy: actor.userId })
    await recordAudit(trx, ownAuditContext(actor), {
      action: 'account.delete',
      targetUserId: actor.userId,
      changes: {
        login: { from: deleted.before.login, to: deleted.after.login },
        active: { from: deleted.before.active, to: false },
        email: { from: deleted.before.email, to: null },
        blocklisted: { from: [], to: deleted.blocked }
      }
    })
  })
}
