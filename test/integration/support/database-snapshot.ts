import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../src/server/db/schema'

/**
 * What a refused request may legitimately write. Everything else in every table of the public schema
 * (a table added later included) must be the same before and after a refusal.
 */
const refusalRecords = {
  /** The sign-in history records every attempt, the refused ones above all (the Security tab shows them). */
  tables: ['sign_in_attempts', 'sign_in_throttle'] as string[],
  columns: {
    /** Every authenticated request marks its session as used; that is what idle expiry counts from. */
    sessions: ['last_seen_at'],
    /** A wrong password (sign-in or re-verification) counts towards the account's lock. */
    users: ['failed_sign_ins', 'locked_until', 'lock_count', 'sign_in_failures_since'],
    /** The same count per known device (device tokens). */
    sign_in_devices: ['failures', 'window_started_at', 'locked_until', 'lock_count'],
    /** A wrong helpdesk verification code counts towards spending it. */
    verification_codes: ['attempts']
  } as Record<string, string[]>,
  /** The lock that such counting ends in is audited, by the system, as it happens. */
  auditActions: ['signIn.locked']
}

export interface DatabaseWatch {
  /**
   * The tables whose content changed since the last call (outside what a refusal may write); empty
   * when none did.
   */
  changes(): Promise<string[]>
}

/**
 * Watches every table of the database. A request that writes nothing assigns no transaction id, so
 * when the next transaction id has not moved nothing was written, and the check costs one tiny query.
 * When it moved, one query digests every table: the row count and an md5 over the rows (as text, in
 * text order, so no primary key is needed), without the columns and rows above. That sees any write
 * that a version or updated_at column would miss.
 */
export async function watchDatabase(db: Kysely<Database>): Promise<DatabaseWatch> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db)
  const columnsByTable = new Map<string, string[]>()
  for (const { table_name: table, column_name: column } of rows) {
    if (refusalRecords.tables.includes(table) || refusalRecords.columns[table]?.includes(column)) continue
    columnsByTable.set(table, [...(columnsByTable.get(table) ?? []), column])
  }
  if (columnsByTable.size < 10) throw new Error(`only ${columnsByTable.size} tables found to watch`)

  const perTable = [...columnsByTable].map(([table, columns]) => {
    const rowText = sql`(${sql.join(columns.map((column) => sql.ref(`t.${column}`)))})::text`
    const filter = table === 'audit_log' ? sql`where t.action not in (${sql.join(refusalRecords.auditActions)})` : sql``
    return sql`select ${table}::text as name, count(*)::text || ':' || coalesce(md5(string_agg(${rowText}, '|' order by ${rowText})), '') as digest
      from ${sql.table(table)} t ${filter}`
  })
  const query = sql<{ name: string; digest: string }>`${sql.join(perTable, sql` union all `)}`

  const nextTransaction = sql<{ xmax: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`
  const transactionNow = async () => (await nextTransaction.execute(db)).rows[0]?.xmax ?? ''
  const digest = async () => new Map((await query.execute(db)).rows.map((row) => [row.name, row.digest]))

  let seen = { transaction: await transactionNow(), tables: await digest() }
  return {
    async changes() {
      const transaction = await transactionNow()
      if (transaction === seen.transaction) return []
      const tables = await digest()
      const changed = [...tables.keys()].filter((table) => tables.get(table) !== seen.tables.get(table))
      seen = { transaction, tables }
      return changed
    }
  }
}
