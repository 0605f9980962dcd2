import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit } from '../audit/record'
import { verifyPassword } from '../auth/passwords'
import { enqueueMail } from '../mail/outbox'
import { setPassword } from '../passwords/set-password'
import { revokeSessions } from '../sessions/revoke-sessions'
import { passPasswordGate } from '../sign-in/password-gate'
import { confirmOwnPassword, portalAuditContext } from './confirm-password'
import { eraseAccount } from '../users/erase-account'
import type { PortalActor } from './portal-actor'

async function portalUrl(db: Kysely<Database>, websiteId: number | null): Promise<string | null> {
  if (websiteId === null) return null
  const row = await db.selectFrom('websites').select('url').where('id', '=', websiteId).executeTakeFirst()
  return row?.url ?? null
}

/**
 * Change password with the current one: the current password goes through the sign-in gate (a wrong
 * one counts as a failed attempt: 401), the new one through the policy (400 on `newPassword`); the
 * other sessions are revoked, this one is kept; the user is told by email. Audited `password.change`.
 */
export async function changeOwnPassword(db: Kysely<Database>, actor: PortalActor, currentPassword: string, newPassword: string): Promise<{ sessionsRevoked: number }> {
  await confirmOwnPassword(db, actor, currentPassword)
  return withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow()
    if (user.password_hash && (await verifyPassword(user.password_hash, newPassword))) {
      const message = 'Choose a password different from the current one.'
      throw new DeskError('VALIDATION', message, [{ path: 'newPassword', message }])
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
    await recordAudit(trx, portalAuditContext(actor), {
      action: 'password.change',
      targetUserId: actor.userId,
      changes: { password: { from: null, to: null }, sessionsRevoked: { from: null, to: result.sessionsRevoked } }
    })
    if (result.after.email) {
      await enqueueMail(trx, {
        userId: actor.userId,
        to: result.after.email,
        language: result.after.language,
        template: 'passwordChanged',
        data: { name: result.after.name, changedAt: actor.now.toISOString(), portalUrl: await portalUrl(trx, result.after.website_id) },
        now: actor.now
      })
    }
    return { sessionsRevoked: result.sessionsRevoked }
  })
}

/** "Log out from all devices": with the password, every session of the user but this one. Audited `sessions.revoke`. */
export async function signOutOtherSessions(db: Kysely<Database>, actor: PortalActor, password: string): Promise<number> {
  await confirmOwnPassword(db, actor, password)
  return withTransaction(db, async (trx) => {
    const revoked = await revokeSessions(trx, actor.userId, { now: actor.now, exceptSessionId: actor.sessionId })
    await recordAudit(trx, portalAuditContext(actor), { action: 'sessions.revoke', targetUserId: actor.userId, changes: { revoked: { from: null, to: revoked } } })
    return revoked
  })
}

/**
 * Delete my account: the password and the login typed in again (a mismatch is 400 on `login`, nothing
 * changed), then Odoo's deletion (users/erase-account.ts) with the block list as asked. Audited
 * `account.delete`; every session ends, this one included.
 */
export async function deleteOwnAccount(db: Kysely<Database>, actor: PortalActor, input: { password: string; login: string; blocklist: boolean }): Promise<void> {
  const user = await db.selectFrom('users').select(['id', 'login', 'password_hash', 'locked_until']).where('id', '=', actor.userId).executeTakeFirstOrThrow()
  if (input.login.trim().toLowerCase() !== user.login.toLowerCase()) {
    const message = 'Type your login exactly as shown to confirm the deletion.'
    throw new DeskError('VALIDATION', message, [{ path: 'login', message }])
  }
  await passPasswordGate(db, { login: actor.login, password: input.password, audience: 'portal', ip: actor.ip, userAgent: actor.userAgent, now: actor.now }, user)
  await withTransaction(db, async (trx) => {
    const deleted = await eraseAccount(trx, actor.userId, { blocklist: input.blocklist, now: actor.now, requestedBy: actor.userId })
    await recordAudit(trx, portalAuditContext(actor), {
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
