import type { Kysely } from 'kysely'
import type { AuditIntegrity } from '../../../shared/audit'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import { verifyAuditChain } from './verify'

/**
 * How long one walk of the chain answers for: the desk asks each time an Activity tab opens, and a
 * walk reads every row (seconds for millions), so requests within this window share the last one.
 */
export const auditIntegrityMaxAgeMs = 60_000

export interface AuditIntegrityMonitor {
  /** The latest walk if younger than the window, else a new one; concurrent callers share one walk. */
  current(): Promise<AuditIntegrity>
}

export function createAuditIntegrityMonitor(db: Kysely<Database>, clock: Clock, maxAgeMs = auditIntegrityMaxAgeMs): AuditIntegrityMonitor {
  let latest: AuditIntegrity | undefined
  let walking: Promise<AuditIntegrity> | undefined
  return {
    current() {
      if (latest && clock.now().getTime() - Date.parse(latest.checkedAt) < maxAgeMs) return Promise.resolve(latest)
      walking ??= verifyAuditChain(db)
        .then((report) => (latest = { ...report, checkedAt: clock.now().toISOString() }))
        .finally(() => (walking = undefined))
      return walking
    }
  }
}
