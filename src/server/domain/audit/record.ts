import { sql, type Kysely } from 'kysely'
import type { AuditActorRole, Database, VerificationMethodColumn } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { auditRowDigest, genesisHash, storableJson, type AuditChainContent } from './chain'
import { sanitizeChanges, storableText, type AuditChanges } from './changes'

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

/** An audit row's content before it takes its place in the chain. */
export type AuditRowContent = Omit<AuditChainContent, 'seq'>

/**
 * Any number works as long as every writer uses the same one (and no other lock does): whoever holds
 * it reads the chain's head and appends after it, until its transaction ends.
 */
const auditChainLockKey = 740_211_002

/** Rows per INSERT statement when appending many (16 columns each, far below the parameter limit). */
const insertBatch = 500

/**
 * Appends one audit row. Call it with the transaction of the write it records, so that the action
 * and its trace commit or roll back together, and call it last: the chain's lock is held until that
 * transaction ends, so rows locked after it would keep other audited writes waiting (or deadlock).
 */
export async function recordAudit(trx: Kysely<Database>, context: AuditContext, entry: AuditEntry): Promise<void> {
  await appendAuditRows(trx, [
    {
      at: context.at,
      actor_id: context.actorId,
      actor_login: context.actorLogin?.slice(0, 254) ?? null,
      actor_role: context.actorRole,
      target_user_id: entry.targetUserId,
      action: entry.action,
      changes: sanitizeChanges(entry.changes ?? {}),
      ip: context.ip?.slice(0, 64) ?? null,
      user_agent: context.userAgent?.slice(0, 512) ?? null,
      ticket_ref: context.ticketRef,
      reason: context.reason,
      verification_method: context.verificationMethod ?? null
    }
  ])
}

/**
 * Appends rows to the end of the hash chain, in the order given. Writers serialise on the chain's
 * head with a transaction-scoped advisory lock: the next writer reads the head only after this
 * transaction commits (or rolls back), so two writers never link to the same row, whichever
 * connection or server instance they come from. Each row's `seq` is given under that lock, so the
 * order the chain is verified in is the commit order, not the order identity ids were handed out.
 */
export async function appendAuditRows(db: Kysely<Database>, rows: readonly AuditRowContent[]): Promise<void> {
  if (rows.length === 0) return
  await withTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${auditChainLockKey})`.execute(trx)
    const head = await trx.selectFrom('audit_log').select(['seq', 'row_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
    let seq = BigInt(head?.seq ?? 0)
    let previousHash = head?.row_hash ?? genesisHash
    for (let start = 0; start < rows.length; start += insertBatch) {
      const values = rows.slice(start, start + insertBatch).map((row) => {
        seq += 1n
        // Exactly what the database will hand back, so that the verifier recomputes the same hash.
        const content: AuditChainContent = {
          ...row,
          seq: seq.toString(),
          actor_login: storableText(row.actor_login),
          changes: storableJson(row.changes),
          ip: storableText(row.ip),
          user_agent: storableText(row.user_agent),
          ticket_ref: storableText(row.ticket_ref),
          reason: storableText(row.reason)
        }
        const rowHash = auditRowDigest(previousHash, content)
        const value = { ...content, changes: JSON.stringify(content.changes), prev_hash: previousHash, row_hash: rowHash }
        previousHash = rowHash
        return value
      })
      await trx.insertInto('audit_log').values(values).execute()
    }
  })
}
