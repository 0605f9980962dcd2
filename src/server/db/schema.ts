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
export type AvatarTypeColumn = 'image/png' | 'image/jpeg' | 'image/webp'
export type InvoiceDeliveryColumn = 'email' | 'postal'

export interface UsersTable {
  id: Generated<number>
  kind: UserKindColumn
  login: string
  /** NFKC + case folding of `login`, unique; null only on a row written outside the domain (see domain/users/login-identity.ts). */
  login_key: string | null
  /** Unicode TR39 skeleton of `login_key`: look-alike logins share it. */
  login_skeleton: string | null
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
  /** YYYY-MM-DD: `date` is read as a string (see db/connect.ts), never shifted by a time zone. */
  birthday: string | null
  /** PNG, JPEG or WebP bytes, at most 1 MiB; avatar_type says which (both set or both null). */
  avatar: Buffer | null
  avatar_type: AvatarTypeColumn | null
  avatar_updated_at: Timestamp | null
  /** Additional emails (the primary one is `email`). */
  emails: ColumnType<string[], string[] | undefined, string[]>
  street: string | null
  street2: string | null
  zip: string | null
  state: string | null
  invoice_delivery: ColumnType<InvoiceDeliveryColumn, InvoiceDeliveryColumn | undefined, InvoiceDeliveryColumn>
  /** Oro's "Reset password": no sign-in until a new password is set through a link. */
  reset_required: ColumnType<boolean, boolean | undefined, boolean>
  /** Consecutive failures of this account since its last success or lock. */
  failed_sign_ins: ColumnType<number, number | undefined, number>
  /** Locked while this is in the future; null or past means not locked. */
  locked_until: Timestamp | null
  /** Locks so far: the next lock lasts longer (exponential backoff, capped). */
  lock_count: ColumnType<number, number | undefined, number>
  /** Failed sign-ins before this instant (the last unlock or unknown-device success) are no longer counted as recent. */
  sign_in_failures_since: Timestamp | null
  /** Set when the account was deleted (login `__deleted_user_<id>`); such a user cannot be restored. */
  deleted_at: Timestamp | null
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
  /** Active users of the kind (bigint, read as a string). */
  active: ColumnType<string, never, never>
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
  /** When the operator last re-verified their password on this session (the identity check). */
  reauth_at: Timestamp | null
  /** The trusted device (sign_in_devices) the session was signed in from; null for one opened otherwise. */
  device_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface PasskeysTable {
  id: Generated<number>
  user_id: number
  name: string
  credential_id: Buffer
  public_key: Buffer
  /** bigint: read as a string. */
  sign_count: ColumnType<string, string | number | undefined, string | number>
  transports: ColumnType<string[], string[] | undefined, string[]>
  device_type: 'singleDevice' | 'multiDevice' | null
  backed_up: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
  last_used_at: Timestamp | null
}

export type WebauthnPurpose = 'registration' | 'authentication'

export interface WebauthnChallengesTable {
  id: Generated<number>
  user_id: number | null
  session_id: string | null
  purpose: WebauthnPurpose
  challenge: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Timestamp | null
}

/** Never serialized to the API: the secrets stay on the server. */
export interface TotpTable {
  user_id: number
  secret: string | null
  enabled_at: Timestamp | null
  pending_secret: string | null
  pending_created_at: Timestamp | null
  /** The last accepted 30-second step (bigint, read as a string): a code is never accepted twice. */
  last_used_step: ColumnType<string | null, string | number | null | undefined, string | number | null>
}

export type ApiKeyScope = 'read' | 'read_write'

export interface ApiKeysTable {
  id: Generated<number>
  user_id: number
  website_id: number
  description: string
  scope: ColumnType<ApiKeyScope, ApiKeyScope | undefined, ApiKeyScope>
  /** The first characters of the key, shown to identify it. */
  key_prefix: string
  /** SHA-256 of the whole key; the key is shown once and never stored. */
  key_hash: Buffer
  created_at: Timestamp
  expires_at: Timestamp | null
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface PaymentMethodsTable {
  id: Generated<number>
  user_id: number
  provider: string
  /** The provider's reference for the stored card (a token), never the card number. */
  provider_ref: string | null
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  holder: string
  created_at: Timestamp
  active: ColumnType<boolean, boolean | undefined, boolean>
}

export type ResetTokenPurpose = 'reset' | 'invite'

export interface ResetTokensTable {
  id: Generated<number>
  user_id: number
  /** SHA-256 of the 256-bit token sent by email. */
  token_hash: Buffer
  purpose: ResetTokenPurpose
  created_by: number | null
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export type BlocklistKind = 'email' | 'phone'

export interface BlocklistTable {
  id: Generated<number>
  kind: BlocklistKind
  /** Normalized: see domain/blocklist/normalize.ts. */
  value: string
  created_at: Timestamp
  created_by: number | null
  reason: string | null
}

export type DocumentKind = 'invoice' | 'order'

export interface DocumentsTable {
  id: Generated<number>
  company_id: number
  kind: DocumentKind
  number: string
  issued_at: Timestamp
}

export type AuditActorRole = 'administrator' | 'support' | 'portal' | 'system'

/**
 * Append-only: triggers refuse UPDATE, DELETE and TRUNCATE. Hash-chained in `seq` order (see
 * domain/audit/chain.ts): rows are written only through `appendAuditRows`.
 */
export interface AuditLogTable {
  /** bigint identity: read as a string. */
  id: ColumnType<string, never, never>
  /** int8, read as a string: the row's place in the chain, 1, 2, 3… given under the chain's lock. */
  seq: ColumnType<string, string, never>
  /** Hex SHA-256: the `row_hash` of the row before (a fixed genesis value for the first). */
  prev_hash: ColumnType<string, string, never>
  /** Hex SHA-256 over `prev_hash` and this row's content. */
  row_hash: ColumnType<string, string, never>
  at: Timestamp
  actor_id: number | null
  actor_login: string | null
  actor_role: AuditActorRole
  target_user_id: number | null
  action: string
  changes: ColumnType<Record<string, unknown>, string, never>
  ip: string | null
  user_agent: string | null
  ticket_ref: string | null
  reason: string | null
  /** How the caller was verified before this action (X-Verification), or null. */
  verification_method: ColumnType<VerificationMethodColumn | null, VerificationMethodColumn | null | undefined, never>
}

export type VerificationMethodColumn = 'email_code' | 'sms_code' | 'knowledge'

/** A code emailed to a caller (issue 5): only its salted SHA-256 is kept. */
export interface VerificationCodesTable {
  /** bigint identity: read as a string. */
  id: ColumnType<string, never, never>
  user_id: number
  /** The operator who sent it: only they can check it. */
  operator_id: number
  code_hash: Buffer
  salt: Buffer
  channel: 'email' | 'sms'
  created_at: Timestamp
  expires_at: Timestamp
  /** Wrong codes tried so far. */
  attempts: ColumnType<number, number | undefined, number>
  used_at: Timestamp | null
}

/** A caller verified by one operator for one user, for a while; X-Verification names it. */
export interface VerificationsTable {
  id: ColumnType<string, never, never>
  user_id: number
  operator_id: number
  method: VerificationMethodColumn
  verified_at: Timestamp
  expires_at: Timestamp
}

/** A portal user's own email change: pending until confirmed by the new address, undoable by the old one. */
export interface EmailChangesTable {
  id: Generated<number>
  user_id: number
  /** The primary address when the change was asked for (null: the user had none; then there is no undo link). */
  old_email: string | null
  new_email: string
  /** SHA-256 of the token in the link sent to the new address. */
  confirm_token_hash: Buffer
  /** SHA-256 of the token in the link sent to the old address. */
  undo_token_hash: Buffer | null
  created_at: Timestamp
  confirm_expires_at: Timestamp
  undo_expires_at: Timestamp
  confirmed_at: Timestamp | null
  undone_at: Timestamp | null
  /** Replaced by a newer change, by an administrator's change, or by an undo. */
  cancelled_at: Timestamp | null
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'blocked'

export interface OutboxTable {
  id: ColumnType<string, never, never>
  user_id: number | null
  to_address: string
  language: LanguageColumn
  template: string
  subject: string
  body_text: string
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp | null
  last_error: string | null
  created_at: Timestamp
  sent_at: Timestamp | null
}

export interface SignInAttemptsTable {
  id: ColumnType<string, never, never>
  user_id: number | null
  audience: SessionAudience
  login: string
  ip: string | null
  user_agent: string | null
  at: Timestamp
  success: boolean
  reason: string | null
}

export type ThrottleScope = 'account' | 'ip'

export interface SignInThrottleTable {
  scope: ThrottleScope
  /** The lower-cased login for 'account', the client IP for 'ip'. */
  key: string
  failures: ColumnType<number, number | undefined, number>
  window_started_at: Timestamp
  blocked_until: Timestamp | null
}

/** A device token (OWASP device cookie): one client's trust for one user and audience, with its own lockout. */
export interface SignInDevicesTable {
  id: ColumnType<string, never, never>
  user_id: number
  audience: SessionAudience
  /** SHA-256 of the token; the token itself is only ever given to the client. */
  token_hash: Buffer
  created_at: Timestamp
  last_used_at: Timestamp
  expires_at: Timestamp
  failures: ColumnType<number, number | undefined, number>
  window_started_at: Timestamp | null
  locked_until: Timestamp | null
  lock_count: ColumnType<number, number | undefined, number>
}

export interface Database {
  schema_migrations: SchemaMigrationsTable
  companies: CompaniesTable
  websites: WebsitesTable
  users: UsersTable
  user_counts: UserCountsTable
  sessions: SessionsTable
  passkeys: PasskeysTable
  webauthn_challenges: WebauthnChallengesTable
  totp: TotpTable
  api_keys: ApiKeysTable
  payment_methods: PaymentMethodsTable
  reset_tokens: ResetTokensTable
  blocklist: BlocklistTable
  documents: DocumentsTable
  audit_log: AuditLogTable
  verification_codes: VerificationCodesTable
  verifications: VerificationsTable
  email_changes: EmailChangesTable
  outbox: OutboxTable
  sign_in_attempts: SignInAttemptsTable
  sign_in_throttle: SignInThrottleTable
  sign_in_devices: SignInDevicesTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type OutboxRow = Selectable<OutboxTable>
