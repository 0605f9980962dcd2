import { sql, type Kysely } from 'kysely'
import type { Migration } from './migration'

/**
 * Lockout that cannot be used as a weapon (OWASP's device cookies): a device token per successful
 * password sign-in, stored hashed and bound to one user and one audience, with its own failure counter
 * and lock, and remembered by the sessions it opened; the instant an operator's unlock (or a success) last cleared the account's failure count;
 * and an index that lets old sign-in history be pruned cheaply.
 */
const statements = [
  `create table sign_in_devices (
     id bigint generated always as identity primary key,
     user_id integer not null references users (id) on delete cascade,
     audience text not null check (audience in ('operator', 'portal')),
     token_hash bytea not null unique check (octet_length(token_hash) = 32),
     created_at timestamptz(3) not null,
     last_used_at timestamptz(3) not null,
     expires_at timestamptz(3) not null,
     failures integer not null default 0 check (failures >= 0),
     window_started_at timestamptz(3),
     locked_until timestamptz(3),
     lock_count integer not null default 0 check (lock_count >= 0),
     constraint sign_in_devices_expiry_after_creation check (expires_at > created_at)
   )`,
  `create index sign_in_devices_account on sign_in_devices (user_id, audience, last_used_at desc)`,
  `create index sign_in_devices_expiry on sign_in_devices (expires_at)`,
  `create index sign_in_attempts_at on sign_in_attempts (at)`,
  `create index sign_in_throttle_window on sign_in_throttle (window_started_at)`,
  `alter table users add column sign_in_failures_since timestamptz(3)`,
  // The device a session was signed in from: a password re-check inside the session is judged on it.
  `alter table sessions add column device_id bigint references sign_in_devices (id) on delete set null`,
  // Account counters are now kept per audience (key 'operator:<login>' or 'portal:<login>'); the old
  // rows are short-lived windows, so they are dropped rather than converted.
  `delete from sign_in_throttle where scope = 'account'`
]

export const signInDevicesMigration: Migration = {
  version: 8,
  name: 'sign_in_devices',
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db)
  }
}
