import type { Kysely } from 'kysely'
import type { AuditChainBreak, AuditChainHead, AuditChainReport } from '../../../shared/audit'
import type { Database } from '../../db/schema'
import { auditChainColumns, auditRowDigest, genesisHash } from './chain'

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
 * elsewhere shows that. Given one (`recordedHead`), the walk also checks that the row at its place
 * still has its hash (`chainRelinked` if not: the chain was rewritten up to there) and that the chain
 * reaches it (`tailMissing` if not).
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: { pageSize?: number; recordedHead?: AuditChainHead } = {}
): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? defaultPageSize
  const recordedSeq = options.recordedHead === undefined ? undefined : BigInt(options.recordedHead.seq)
  let expectedSeq = 1n
  let previousHash = genesisHash
  let lastId = '0'
  let rows = 0
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select(['id', 'prev_hash', 'row_hash', ...auditChainColumns])
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
      if (seq === recordedSeq && rowHash !== options.recordedHead?.hash) return broken('chainRelinked')
      rows += 1
      lastId = id
      expectedSeq += 1n
      previousHash = rowHash
    }
    if (page.length < pageSize) {
      if (recordedSeq !== undefined && expectedSeq <= recordedSeq) {
        return { intact: false, rows, brokenAt: { id: lastId, seq: (expectedSeq - 1n).toString(), reason: 'tailMissing' } }
      }
      return { intact: true, rows, head: rows === 0 ? null : { seq: (expectedSeq - 1n).toString(), hash: previousHash } }
    }
  }
}

const reasonText: Record<AuditChainBreak['reason'], string> = {
  contentChanged: 'content changed',
  rowMissing: 'row missing',
  chainRelinked: 'chain re-linked',
  tailMissing: 'rows missing at the end'
}

/** The report as `audit verify` prints it. */
export function describeAuditChain(report: AuditChainReport): string {
  if (report.brokenAt?.reason === 'tailMissing') {
    return `audit log broken after row ${report.brokenAt.id} (${reasonText.tailMissing}: the chain ends at seq ${report.brokenAt.seq}, before the recorded head)`
  }
  if (report.brokenAt) return `audit log broken at row ${report.brokenAt.id} (${reasonText[report.brokenAt.reason]})`
  const head = report.head
    ? `\nhead: ${report.head.seq}:${report.head.hash}\n` +
      'Keep this line somewhere the database cannot change: rows cut from the end of the log leave a shorter chain that is intact; ' +
      '"audit verify --head <that seq:sha256>" shows it.'
    : ''
  return `audit log intact: ${report.rows} rows${head}`
}
