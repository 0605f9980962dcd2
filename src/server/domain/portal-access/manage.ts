import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { fieldRefusal } from '../refusal'
import type { PortalAccessAction, PortalAccessResponse } from '../../../shared/passwords'
import type { Database, UserRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { enqueueMail } from '../mail/outbox'
import { issueLink, revokeOutstandingLinks, type LinkSettings } from '../reset/links'
import { revokeSessions } from '../sessions/revoke-sessions'
import { lockUser, updateUserVersioned } from '../users/versioned-update'

export interface PortalAccessInput {
  userId: number
  action: PortalAccessAction
  actorId: number
  audit: AuditContext
  now: Date
  settings: LinkSettings
}

export const portalAccessMessages = {
  notPortalUser: 'Portal access applies to portal users only.',
  deleted: 'This account was deleted; it cannot get portal access again.',
  noValidEmail: 'This user has no valid email address: add one before granting portal access.',
  emailIsAnotherLogin: 'This email address is already the login of another user: use another address.',
  alreadyGranted: 'This user already has portal access. Use "reinvite" to send the welcome email again.',
  notGranted: 'This user has no portal access. Grant it first.'
} as const

const refuse = (code: 'VALIDATION' | 'CONFLICT', reason: keyof typeof portalAccessMessages, path: string) =>
  fieldRefusal(code, reason === 'deleted' ? 'accountDeleted' : reason, path, portalAccessMessages[reason])
const validEmail = z.email()

/** Odoo's rule: the invitation goes to an address that no other account signs in with. */
async function assertEmailUsable(trx: Kysely<Database>, user: UserRow): Promise<string> {
  const email = user.email?.trim() ?? ''
  if (!email || !validEmail.safeParse(email).success) throw refuse('VALIDATION', 'noValidEmail', 'email')
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(login)`, '=', email.toLowerCase())
    .where('id', '!=', user.id)
    .executeTakeFirst()
  if (other) throw refuse('CONFLICT', 'emailIsAnotherLogin', 'email')
  return email
}

/**
 * POST /users/:id/portal-access, Odoo's portal access wizard, in one transaction:
 * - grant: a valid email that is nobody else's login; the account becomes active and gets the
 *   welcome email with a set-password link (purpose 'invite');
 * - revoke: the account is archived, its sessions and outstanding links revoked;
 * - reinvite: the welcome email again, with a new link superseding the old one.
 */
export async function managePortalAccess(db: Kysely<Database>, input: PortalAccessInput): Promise<PortalAccessResponse> {
  return withTransaction(db, async (trx) => {
    const before = await lockUser(trx, input.userId)
    if (before.kind !== 'portal') throw refuse('VALIDATION', 'notPortalUser', 'id')
    if (before.deleted_at) throw refuse('VALIDATION', 'deleted', 'id')

    if (input.action === 'revoke') {
      if (!before.active) throw refuse('CONFLICT', 'notGranted', 'action')
      const after = await updateUserVersioned(trx, before.id, before.version, { active: false }, input.now)
      const sessionsRevoked = await revokeSessions(trx, before.id, { now: input.now })
      const linksRevoked = await revokeOutstandingLinks(trx, before.id, input.now)
      await recordAudit(trx, input.audit, {
        action: 'portalAccess.revoke',
        targetUserId: before.id,
        changes: { active: { from: true, to: false }, sessionsRevoked: { from: null, to: sessionsRevoked }, linksRevoked: { from: null, to: linksRevoked } }
      })
      return { userId: after.id, action: input.action, active: after.active, sessionsRevoked, mailId: null, mailStatus: null, version: after.version }
    }

    if (input.action === 'grant' && before.active) throw refuse('CONFLICT', 'alreadyGranted', 'action')
    if (input.action === 'reinvite' && !before.active) throw refuse('CONFLICT', 'notGranted', 'action')
    const to = await assertEmailUsable(trx, before)
    const after = input.action === 'grant' ? await updateUserVersioned(trx, before.id, before.version, { active: true }, input.now) : before
    const link = await issueLink(trx, { userId: before.id, purpose: 'invite', createdBy: input.actorId, now: input.now, settings: input.settings })
    const mail = await enqueueMail(trx, {
      userId: before.id,
      to,
      language: before.language,
      template: 'welcome',
      data: { name: before.name, login: before.login, link: link.url, expiresAt: link.state.expiresAt },
      now: input.now
    })
    await recordAudit(trx, input.audit, {
      action: input.action === 'grant' ? 'portalAccess.grant' : 'portalAccess.reinvite',
      targetUserId: before.id,
      changes: {
        ...(input.action === 'grant' ? { active: { from: false, to: true } } : {}),
        invitation: { from: null, to: { linkId: link.state.id, expiresAt: link.state.expiresAt, superseded: link.supersededCount, mail: mail.status } }
      }
    })
    return {
      userId: after.id,
      action: input.action,
      active: after.active,
      sessionsRevoked: 0,
      mailId: mail.id,
      mailStatus: mail.status === 'blocked' ? 'blocked' : 'pending',
      version: after.version
    }
  })
}
