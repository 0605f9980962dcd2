import { sql, type Kysely } from 'kysely'
import type { Migration } from './migration'

/**
 * The helpdesk of issue 5: codes emailed to a caller (stored hashed, single use, a few tries), the
 * verifications they (or a knowledge check) produce, and the method recorded on each audit row of an
 * action that followed one (X-Verification).
 */
const statements = [
  `create table verification_codes (
     id bigint generated always as identity primary key,
     user_id integer not null references users (id) on delete cascade,
     operator_id integer not null references users (id) on delete cascade,
     code_hash bytea not null check (octet_length(code_hash) = 32),
     salt bytea not null check (octet_length(salt) = 16),
     channel text not null check (channel in ('email', 'sms')),
     created_at timestamptz(3) not null,
     expires_at timestamptz(3) not null,
     attempts integer not null default 0 check (attempts >= 0),
     used_at timestamptz(3),
     constraint verification_codes_expiry_after_creation check (expires_at > created_at)
   )`,
  `create index verification_codes_user_recent on verification_codes (user_id, created_at desc, id desc)`,
  `create table verifications (
     id bigint generated always as identity primary key,
     user_id integer not null references users (id) on delete cascade,
     operator_id integer not null references users (id) on delete cascade,
     method text not null check (method in ('email_code', 'sms_code', 'knowledge')),
     verified_at timestamptz(3) not null,
     expires_at timestamptz(3) not null,
     constraint verifications_expiry_after_verification check (expires_at > verified_at)
   )`,
  `alter table audit_log add column verification_method text check (verification_method in ('email_code', 'sms_code', 'knowledge'))`
]

export const helpdeskVerificationMigration: Migration = {
  version: 4,
  name: 'helpdesk_verification',
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db)
  }
}
