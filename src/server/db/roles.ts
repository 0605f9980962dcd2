import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

/** setup-roles was asked of the embedded database, where every connection is the owner. */
export class RolesNotApplicableError extends Error {
  override name = 'RolesNotApplicableError'
}

/** The runtime role cannot be given fewer rights than the owner: it is the owner, or above it. */
export class RuntimeRoleError extends Error {
  override name = 'RuntimeRoleError'
}

export interface RuntimeRoleResult {
  created: boolean
  owner: string
  tables: number
}

/**
 * Lets `role` run the server and nothing more: read and write every table of the schema, but only
 * INSERT and SELECT on the audit log (its hash chain needs no more), SELECT on the migration record,
 * no ownership, no TRUNCATE, TRIGGER or REFERENCES anywhere. Only the owner may then disable the
 * audit log's trigger, edit or delete its rows. Run as the owner after every migration (it is
 * idempotent); tables that later migrations create get the same read-write grants by default.
 */
export async function setupRuntimeRole(db: Kysely<Database>, role: string): Promise<RuntimeRoleResult> {
  return db.transaction().execute(async (trx) => {
    const context = await sql<{ owner: string | null; database: string; schema: string }>`select
        (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'audit_log') as owner,
        current_database() as database, current_schema() as schema`.execute(trx)
    const { owner, database, schema } = context.rows[0] ?? { owner: null, database: '', schema: '' }
    if (!owner) throw new RuntimeRoleError('The database has no audit log yet: run "migrate" first.')
    if (role === owner) throw new RuntimeRoleError(`"${role}" owns the tables; the runtime role must be another role.`)

    const existing = await sql<{ superuser: boolean; member: boolean }>`select rolsuper as superuser,
        pg_has_role(oid, (select oid from pg_roles where rolname = ${owner}), 'MEMBER') as member
      from pg_roles where rolname = ${role}`.execute(trx)
    const found = existing.rows[0]
    if (found?.superuser) throw new RuntimeRoleError(`"${role}" is a superuser: no grant can hold it back. Run the server as another role.`)
    if (found?.member) throw new RuntimeRoleError(`"${role}" is a member of "${owner}" and so has its rights. Run the server as another role.`)
    if (!found) await sql`create role ${sql.id(role)} login`.execute(trx)

    const runtime = sql.id(role)
    const statements = [
      sql`grant connect on database ${sql.id(database)} to ${runtime}`,
      sql`grant usage on schema ${sql.id(schema)} to ${runtime}`,
      sql`revoke all on all tables in schema ${sql.id(schema)} from ${runtime}`,
      sql`grant select, insert, update, delete on all tables in schema ${sql.id(schema)} to ${runtime}`,
      sql`grant usage, select on all sequences in schema ${sql.id(schema)} to ${runtime}`,
      sql`revoke update, delete on audit_log from ${runtime}`,
      sql`revoke insert, update, delete on schema_migrations from ${runtime}`,
      sql`alter default privileges in schema ${sql.id(schema)} grant select, insert, update, delete on tables to ${runtime}`,
      sql`alter default privileges in schema ${sql.id(schema)} grant usage, select on sequences to ${runtime}`
    ]
    for (const statement of statements) await statement.execute(trx)
    const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = current_schema()`.execute(trx)
    return { created: !found, owner, tables: tables.rows[0]?.n ?? 0 }
  })
}
