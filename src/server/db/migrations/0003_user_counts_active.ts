import { sql, type Kysely } from 'kysely'
import type { Migration } from './migration'

/**
 * The users list shows active users by default (issue 3), so its unfiltered kind counts need the
 * active users per kind: `user_counts.active`, kept by the same statement-level triggers as `total`.
 * Counting them instead would scan the whole table on every page (about 40 ms for 100,000 users on PGlite).
 */
const statements = [
  `alter table user_counts add column active bigint not null default 0 check (active >= 0)`,
  `update user_counts c set active = (select count(*) from users u where u.kind = c.kind and u.active)`,
  `create or replace function user_counts_add_inserted() returns trigger language plpgsql as $$
   begin
     update user_counts c set total = c.total + d.n, active = c.active + d.a
       from (select kind, count(*) as n, count(*) filter (where active) as a from inserted group by kind) d
      where c.kind = d.kind;
     return null;
   end
   $$`,
  `create or replace function user_counts_remove_deleted() returns trigger language plpgsql as $$
   begin
     update user_counts c set total = c.total - d.n, active = c.active - d.a
       from (select kind, count(*) as n, count(*) filter (where active) as a from deleted group by kind) d
      where c.kind = d.kind;
     return null;
   end
   $$`,
  `create or replace function user_counts_move_updated() returns trigger language plpgsql as $$
   begin
     update user_counts c set total = c.total + d.n, active = c.active + d.a
       from (select kind, sum(n) as n, sum(a) as a
               from (select kind, 1 as n, case when active then 1 else 0 end as a from after_rows
                     union all select kind, -1, case when active then -1 else 0 end from before_rows) moved
              group by kind) d
      where c.kind = d.kind and (d.n <> 0 or d.a <> 0);
     return null;
   end
   $$`,
  `create or replace function user_counts_reset() returns trigger language plpgsql as $$
   begin
     update user_counts set total = 0, active = 0;
     return null;
   end
   $$`
]

export const userCountsActiveMigration: Migration = {
  version: 3,
  name: 'user_counts_active',
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db)
  }
}
