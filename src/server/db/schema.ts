import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/**
 * The tables as Kysely sees them. Timestamps are `timestamptz(3)`: millisecond precision, so that a
 * JavaScript Date read back compares equal to the stored value (keyset cursors depend on it).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: CreatedAt
}

export interface CompaniesTable {
  id: Generated<number>
  name: string
  vat: string | null
  country: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface WebsitesTable {
  id: Generated<number>
  name: string
  url: string
  /** Lower-case host of `url`, unique: how a portal request finds its website. */
  host: string
  company_id: number | null
  created_at: CreatedAt
}

export type UserKindColumn = 'portal' | 'internal'
export type UserRoleColumn = 'administrator' | 'support' | 'user'
export type LanguageColumn = 'en' | 'zh-CN'

export interface UsersTable {
  id: Generated<number>
  kind: UserKindColumn
  login: string
  name_prefix: string | null
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  name_suffix: string | null
  /** The display name. */
  name: string
  email: string | null
  phone: string | null
  company_id: number | null
  website_id: number | null
  /** Internal users only; null for portal users (a CHECK holds it). */
  role: UserRoleColumn | null
  language: ColumnType<LanguageColumn, LanguageColumn | undefined, LanguageColumn>
  city: string | null
  country: string | null
  active: ColumnType<boolean, boolean | undefined, boolean>
  password_hash: string | null
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>
  last_sign_in_at: Timestamp | null
  created_at: CreatedAt
  updated_at: UpdatedAt
  version: ColumnType<number, number | undefined, number>
  /** Copy of companies.name, kept by triggers, so that sorting and searching by company need no join. */
  company_name: ColumnType<string | null, never, never>
  /** Generated: the normalized text that free-text search matches (trigram-indexed). */
  search_text: ColumnType<string, never, never>
}

/** Users per kind over the whole table, maintained by triggers on users. */
export interface UserCountsTable {
  kind: UserKindColumn
  /** bigint: node-postgres reads it as a string; cast in queries. */
  total: ColumnType<string, never, never>
}

export type SessionAudience = 'operator' | 'portal'

export interface SessionsTable {
  id: ColumnType<string, never, never>
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: Buffer
  user_id: number
  audience: SessionAudience
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
  revoked_at: Timestamp | null
}

export interface Database {
  schema_migrations: SchemaMigrationsTable
  companies: CompaniesTable
  websites: WebsitesTable
  users: UsersTable
  user_counts: UserCountsTable
  sessions: SessionsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
