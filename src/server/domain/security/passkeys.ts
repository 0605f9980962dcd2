import type { Kysely } from 'kysely'
import { refusal } from '../refusal'
import type { DeleteResult, PasskeyList } from '../../../shared/security'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'

/** A user's passkeys, newest first: what identifies them to a person, never the credential or key. */
export async function listPasskeys(db: Kysely<Database>, userId: number): Promise<PasskeyList> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['id', 'name', 'device_type', 'backed_up', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      deviceType: row.device_type,
      backedUp: row.backed_up,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at?.toISOString() ?? null
    }))
  }
}

/**
 * Removes one passkey of the user (operators may revoke passkeys, never create them): 404 when the
 * user has no passkey with this id, whoever else might.
 */
export async function revokePasskey(db: Kysely<Database>, input: { userId: number; passkeyId: number; audit: AuditContext }): Promise<DeleteResult> {
  return withTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom('passkeys')
      .where('id', '=', input.passkeyId)
      .where('user_id', '=', input.userId)
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirst()
    if (!removed) throw refusal('NOT_FOUND', 'alreadyGone', 'This user has no passkey with this id.')
    await recordAudit(trx, input.audit, {
      action: 'passkey.revoke',
      targetUserId: input.userId,
      changes: { passkey: { from: { id: removed.id, name: removed.name, createdAt: removed.created_at }, to: null } }
    })
    return { deleted: true }
  })
}
