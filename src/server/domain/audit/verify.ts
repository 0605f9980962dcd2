import type { Kysely } from 'kysely'
import type { AuditChainBreak, AuditChainReport } from '../../../shared/audit'
import type { Database } from '../../db/schema'
import { auditRowDigest, genesisHash } from './chain'

/** Rows read per round trip: the walk holds one page in memory, whatever the size of the log. */
const defaultPageSize = 2000

/**
 * Walks the whole chain in `seq` order, one keyset page at a time, and stops at the first row that
 * does not fit:
 * - `rowMissing`: its `seq` is not the next one (rows before it were deleted);
 * - `chainRelinked`: its `prev_hash` is not the hash of the row before it (a row before it was
 *   replaced, or rows were spliced in);
 * - `contentChanged`: its content no longer gives its `row_hash` (it was edited in place).
 * Rows removed from the end leave a shorter chain that is intact: only a copy of the head kept
 * elsewhere (`head`) shows that.
 */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = defaultPageSize): Promise<AuditChainReport> {
  let expectedSeq = 1n
  let previousHash = genesisHash
  let rows = 0
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select([
        'id',
        'seq',
        'prev_hash',
        'row_hash',
        'at',
        'actor_id',
        'actor_login',
        'actor_role',
        'target_user_id',
        'action',
        'changes',
        'ip',
        'user_agent',
        'ticket_ref',
        'reason',
        'verification_method'
      ])
      .where('seq', '>=', expectedSeq.toString())
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const { id, prev_hash: prevHash, row_hash: rowHash, ...content } of page) {
      const broken = (reason: AuditChainBreak['reason']): AuditChainReport => ({ intact: false, rows, brokenAt: { id, seq: content.seq, reason } })
      const seq = BigInt(content.seq)
      if (seq > expectedSeq) return broken('rowMissing')
      // A second row at a place already taken: only possible once the unique constraint was dropped.
      if (seq < expectedSeq) return broken('chainRelinked')
      if (prevHash !== previousHash) return broken('chainRelinked')
      if (auditRowDigest(prevHash, content) !== rowHash) return broken('contentChanged')
      rows += 1
      expectedSeq += 1n
      previousHash = rowHash
    }
    if (page.length < pageSize) {
      return { intact: true, rows, head: rows === 0 ? null : { seq: (expectedSeq - 1n).toString(), hash: previousHash } }
    }
  }
}

const reasonText: Record<AuditChainBreak['reason'], string> = {
  contentChanged: 'content changed',
  rowMissing: 'row missing',
  chainRelinked: 'chain re-linked'
}

/** The report as `audit verify` prints it. */
export function describeAuditChain(report: AuditChainReport): string {
  if (report.brokenAt) return `audit log broken at row ${report.brokenAt.id} (${reasonText[report.brokenAt.reason]})`
  const head = report.head
    ? `\nhead: seq ${report.head.seq}, sha256 ${report.head.hash}\n` +
      'Keep this line somewhere the database cannot change: rows cut from the end of the log leave a shorter chain that is intact, ' +
      'and only a head recorded earlier that is no longer in it shows that.'
    : ''
  return `audit log intact: ${report.rows} rows${head}`
}
