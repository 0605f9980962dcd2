import { sql, type Kysely } from 'kysely'
import { auditRowDigest, genesisHash, type AuditChainContent } from '../../domain/audit/chain'
import type { Migration } from './migration'

/** Rows read and re-linked per round trip while the existing log is chained. */
const backfillPage = 2000

/**
 * The audit log becomes a hash chain (see domain/audit/chain.ts): each row gets its place (`seq`),
 * the hash of the row before it and its own hash. Rows already there are chained in id order, the
 * order they were written in before writers serialised on the chain's head; only this migration,
 * running as the table's owner, lifts the append-only trigger to do it.
 */
export const auditChainMigration: Migration = {
  version: 6,
  name: 'audit_chain',
  async up(db: Kysely<unknown>) {
    await sql`alter table audit_log add column seq bigint, add column prev_hash text, add column row_hash text`.execute(db)
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(db)
    await chainExistingRows(db)
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(db)
    await sql`alter table audit_log
      alter column seq set not null,
      alter column prev_hash set not null,
      alter column row_hash set not null,
      add constraint audit_log_seq_positive check (seq >= 1),
      add constraint audit_log_prev_hash_hex check (prev_hash ~ '^[0-9a-f]{64}$'),
      add constraint audit_log_row_hash_hex check (row_hash ~ '^[0-9a-f]{64}$'),
      add constraint audit_log_seq_key unique (seq)`.execute(db)
  }
}

type StoredRow = Omit<AuditChainContent, 'seq'> & { id: string }

async function chainExistingRows(db: Kysely<unknown>): Promise<void> {
  let lastId = '0'
  let seq = 0n
  let previousHash = genesisHash
  for (;;) {
    const page = await sql<StoredRow>`select id, at, actor_id, actor_login, actor_role, target_user_id, action, changes, ip,
        user_agent, ticket_ref, reason, verification_method
      from audit_log where id > ${lastId}::bigint order by id limit ${backfillPage}`.execute(db)
    if (page.rows.length === 0) return
    const ids: string[] = []
    const seqs: string[] = []
    const previous: string[] = []
    const hashes: string[] = []
    for (const { id, ...content } of page.rows) {
      seq += 1n
      const rowHash = auditRowDigest(previousHash, { ...content, seq: seq.toString() })
      ids.push(id)
      seqs.push(seq.toString())
      previous.push(previousHash)
      hashes.push(rowHash)
      previousHash = rowHash
      lastId = id
    }
    await sql`update audit_log as a set seq = v.seq, prev_hash = v.prev_hash, row_hash = v.row_hash
      from unnest(${ids}::bigint[], ${seqs}::bigint[], ${previous}::text[], ${hashes}::text[]) as v(id, seq, prev_hash, row_hash)
      where a.id = v.id`.execute(db)
  }
}
