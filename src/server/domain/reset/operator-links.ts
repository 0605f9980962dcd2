import type { Kysely } from 'kysely'
import type { RequireResetResponse, ResetLinkStatusResponse, SendResetLinkResponse } from '../../../shared/passwords'
import type { Database, UserRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { confirmedEmailOf } from '../email-change/pending'
import { enqueueMail } from '../mail/outbox'
import { revokeSessions } from '../sessions/revoke-sessions'
import { lockUser, updateUserVersioned } from '../users/versioned-update'
import { issueLink, latestLink, revokeOutstandingLinks, type LinkSettings } from './links'
import { fieldRefusal } from '../refusal'

export interface OperatorLinkInput {
  userId: number
  actorId: number
  audit: AuditContext
  now: Date
  settings: LinkSettings
}

const noEmailMessage = 'This user has no email address to send the link to. Add one first.'
const archivedMessage = 'This account is archived: restore it before sending a link.'
const deletedMessage = 'This account was deleted; it cannot get a link.'

/** Who can receive a link: a confirmed email address (never a pending one), an active account. Refusals change nothing. */
async function assertCanReceiveLink(trx: Kysely<Database>, user: UserRow, now: Date): Promise<string> {
  if (user.deleted_at) throw fieldRefusal('VALIDATION', 'accountDeleted', 'id', deletedMessage)
  if (!user.active) throw fieldRefusal('VALIDATION', 'accountArchived', 'active', archivedMessage)
  const to = await confirmedEmailOf(trx, user, now)
  if (!to) throw fieldRefusal('VALIDATION', 'noEmail', 'email', noEmailMessage)
  return to
}

/** POST /users/:id/reset-link: a new single-use link by email; older outstanding links are revoked. */
export async function sendResetLink(db: Kysely<Database>, input: OperatorLinkInput): Promise<SendResetLinkResponse> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, input.userId)
    const to = await assertCanReceiveLink(trx, user, input.now)
    const link = await issueLink(trx, { userId: user.id, purpose: 'reset', createdBy: input.actorId, now: input.now, settings: input.settings })
    const mail = await enqueueMail(trx, {
      userId: user.id,
      to,
      language: user.language,
      template: 'resetLink',
      data: { name: user.name, link: link.url, expiresAt: link.state.expiresAt, reason: 'requested' },
      now: input.now
    })
    await recordAudit(trx, input.audit, {
      action: 'password.resetLink',
      targetUserId: user.id,
      changes: { resetLink: { from: null, to: { id: link.state.id, expiresAt: link.state.expiresAt, superseded: link.supersededCount, mail: mail.status } } }
    })
    return { link: link.state, supersededCount: link.supersededCount, mailId: mail.id, mailStatus: mail.status === 'blocked' ? 'blocked' : 'pending' }
  })
}

export async function resetLinkStatus(db: Kysely<Database>, userId: number, now: Date): Promise<ResetLinkStatusResponse> {
  return { link: await latestLink(db, userId, now) }
}

/** DELETE /users/:id/reset-link: every outstanding link of the user stops working. */
export async function revokeResetLinks(db: Kysely<Database>, input: Omit<OperatorLinkInput, 'settings' | 'actorId'>): Promise<{ revokedCount: number }> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, input.userId)
    const revokedCount = await revokeOutstandingLinks(trx, user.id, input.now)
    await recordAudit(trx, input.audit, { action: 'password.resetLinkRevoke', targetUserId: user.id, changes: { outstandingLinks: { from: revokedCount, to: 0 } } })
    return { revokedCount }
  })
}

/**
 * POST /users/:id/require-reset, Oro's "Reset password": no sign-in until a new password is set
 * through the link sent now; the user is signed out everywhere in the same transaction.
 */
export async function requireReset(db: Kysely<Database>, input: OperatorLinkInput): Promise<RequireResetResponse> {
  return withTransaction(db, async (trx) => {
    const before = await lockUser(trx, input.userId)
    const to = await assertCanReceiveLink(trx, before, input.now)
    const after = await updateUserVersioned(trx, before.id, before.version, { reset_required: true }, input.now)
    const sessionsRevoked = await revokeSessions(trx, before.id, { now: input.now })
    const link = await issueLink(trx, { userId: before.id, purpose: 'reset', createdBy: input.actorId, now: input.now, settings: input.settings })
    const mail = await enqueueMail(trx, {
      userId: before.id,
      to,
      language: before.language,
      template: 'resetLink',
      data: { name: before.name, link: link.url, expiresAt: link.state.expiresAt, reason: 'required' },
      now: input.now
    })
    await recordAudit(trx, input.audit, {
      action: 'password.requireReset',
      targetUserId: before.id,
      changes: {
        resetRequired: { from: before.reset_required, to: true },
        sessionsRevoked: { from: null, to: sessionsRevoked },
        resetLink: { from: null, to: { id: link.state.id, expiresAt: link.state.expiresAt, superseded: link.supersededCount, mail: mail.status } }
      }
    })
    return {
      userId: after.id,
      sessionsRevoked,
      link: link.state,
      mailId: mail.id,
      mailStatus: mail.status === 'blocked' ? 'blocked' : 'pending',
      version: after.version
    }
  })
}
