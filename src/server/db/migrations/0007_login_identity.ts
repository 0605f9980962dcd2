import { sql, type Kysely } from 'kysely'
import { loginKey, loginSkeleton } from '../../domain/users/login-identity'
import type { Migration } from './migration'

const batchSize = 5_000

/**
 * Logins compared as people read them: `login_key` (NFKC and case folding; unique) and
 * `login_skeleton` (Unicode TR39's confusable skeleton; indexed, so that refusing a look-alike is
 * one indexed query). Both are computed in application code (domain/users/login-identity.ts):
 * PostgreSQL has NFKC but neither full case folding in every locale nor the confusables data.
 * They stay nullable so that a row written outside the domain (a test fixture, a manual insert)
 * is still readable; every write through the domain sets them.
 */
export const loginIdentityMigration: Migration = {
  version: 7,
  name: 'login_identity',
  async up(db: Kysely<unknown>) {
    await sql`alter table users add column login_key text, add column login_skeleton text`.execute(db)
    let after = 0
    for (;;) {
      const { rows } = await sql<{ id: number; login: string }>`select id, login from users where id > ${after} order by id limit ${batchSize}`.execute(db)
      if (rows.length === 0) break
      await sql`update users set login_key = t.login_key, login_skeleton = t.login_skeleton
        from unnest(${rows.map((row) => row.id)}::int[], ${rows.map((row) => loginKey(row.login))}::text[], ${rows.map((row) => loginSkeleton(row.login))}::text[])
          as t(id, login_key, login_skeleton)
        where users.id = t.id`.execute(db)
      after = rows[rows.length - 1]?.id ?? after
    }
    await sql`create unique index users_login_folded_key on users (login_key)`.execute(db)
    await sql`create index users_login_skeleton on users (login_skeleton)`.execute(db)
  }
}
