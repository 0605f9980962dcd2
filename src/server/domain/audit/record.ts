import type { Kysely } from 'kysely'
import type { AuditActorRole, Database, VerificationMethodColumn } from '../../db/schema'
import { sanitizeChanges, type AuditChanges } from './changes'

/** Who acted, from where, and why: the part of an audit row that comes from the request. */
export interface AuditContext {
  at: Date
  actorId: number | null
  actorLogin: string | null
  /** An operator's role, 'portal' for a portal user acting on their own account, 'system' for the server itself. */
  actorRole: AuditActorRole
  ip: string | null
  userAgent: string | null
  ticketRef: string | null
  reason: string | null
  /** How the caller was verified before this action (X-Verification); absent or null when not. */
  verificationMethod?: VerificationMethodColumn | null
}

export interface AuditEntry {
  /** Dotted, lower camel case: `user.create`, `password.set`, `sessions.revoke`, `twoFactor.disable`… */
  action: string
  targetUserId: number | null
  /** Per field, before → after; secrets are redacted whatever the caller passes. */
  changes?: AuditChanges
}

/**
 * Appends one audit row. Call it with the transaction of the write it records, so that the action
 * and its trace commit or roll back together.
 */
export async function recordAudit(trx: Kysely<Database>, context: AuditContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: context.at,
      actor_id: context.actorId,
      actor_login: context.actorLogin?.slice(0, 254) ?? null,
      actor_role: context.actorRole,
      target_user_id: entry.targetUserId,
      action: entry.action,
      changes: JSON.stringify(sanitizeChanges(entry.changes ?? {})),
      ip: context.ip?.slice(0, 64) ?? null,
      user_agent: context.userAgent?.slice(0, 512) ?? null,
      ticket_ref: context.ticketRef,
      reason: context.reason,
      verification_method: context.verificationMethod ?? null
    })
    .execute()
}
