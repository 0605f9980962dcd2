import type { Kysely } from 'kysely'
import { fieldRefusal } from '../refusal'
import type { LockState } from '../../../shared/security'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { diffChanges } from '../audit/changes'
import { recordAudit, type AuditContext } from '../audit/record'
import { unlockAccount } from '../sign-in/throttle'
import { lockUser } from '../users/versioned-update'

/**
 * The operator's unlock: sign-in protection's `unlockAccount` clears the temporary lock, the failure
 * counters, the backoff history and the account's throttle window (the per-IP counters stay: they
 * hold an attacker back, not this account). 409 when there was nothing to clear. The user's version
 * is not bumped: lock state is not part of the form an operator edits.
 */
export async function unlockUser(db: Kysely<Database>, input: { userId: number; audit: AuditContext }): Promise<LockState> {
  return withTransaction(db, async (trx) => {
    const user = await lockUser(trx, input.userId)
    const { before, after, wasLocked } = await unlockAccount(trx, user.id, input.audit.at)
    if (!wasLocked && before.failedSignIns === 0 && before.lockCount === 0) {
      // Throwing rolls back what unlockAccount did (at most an empty throttle window): nothing changes.
      throw fieldRefusal('CONFLICT', 'notLocked', 'locked', 'This account is not locked.', 'The account is not locked.')
    }
    await recordAudit(trx, input.audit, { action: 'lock.unlock', targetUserId: user.id, changes: diffChanges({ ...before }, { ...after }) })
    return { locked: false, lockedUntil: null, version: user.version }
  })
}
