import { sql, type Kysely } from 'kysely'
import { loginKey, loginSkeleton } from '../../domain/users/login-identity'
import type { Database } from '../schema'
import type { CompanySeed } from './companies'
import type { UserSeed } from './people'
import { planDemoData, type WebsiteSeed } from './plan'
import { seedSecurityData } from './security'

export class DatabaseNotEmptyError extends Error {
  constructor(readonly users: number, readonly companies: number) {
    super(
      `The database already holds ${users} users and ${companies} companies; seed only fills an empty database. ` +
        `Use a fresh DATA_DIR (PGlite) or a new, empty PostgreSQL database.`
    )
    this.name = 'DatabaseNotEmptyError'
  }
}

export interface SeedOptions {
  seed: string
  portalUsers: number
  /** One argon2id hash shared by every seeded account: hashing per row would make a million users take hours. */
  passwordHash: string
  now: Date
  batchSize?: number
  onProgress?: (inserted: number, total: number) => void
}

export interface SeedSummary {
  companies: number
  websites: number
  internalUsers: number
  portalUsers: number
}

/** True when no user, company or website exists yet. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`select not exists (select 1 from users)
    and not exists (select 1 from companies) and not exists (select 1 from websites) as empty`.execute(db)
  return rows[0]?.empty ?? false
}

/**
 * Fills an empty database with the demo data in one transaction, with set-based inserts (one
 * INSERT … SELECT FROM unnest(…) per batch of rows), then refreshes the planner's statistics.
 */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions): Promise<SeedSummary> {
  const plan = planDemoData({ seed: options.seed, portalUsers: options.portalUsers, now: options.now })
  const batchSize = options.batchSize ?? 5000
  const total = plan.internalUsers.length + plan.portalUserCount
  await db.transaction().execute(async (tx) => {
    await sql`lock table users, companies, websites in exclusive mode`.execute(tx)
    if (!(await isDatabaseEmpty(tx))) {
      const counts = await sql<{ users: number; companies: number }>`select
        (select count(*) from users)::int as users, (select count(*) from companies)::int as companies`.execute(tx)
      throw new DatabaseNotEmptyError(counts.rows[0]?.users ?? 0, counts.rows[0]?.companies ?? 0)
    }
    await insertCompanies(tx, plan.companies)
    await insertWebsites(tx, plan.websites)
    await insertUsers(tx, plan.internalUsers, options.passwordHash)
    let inserted = plan.internalUsers.length
    for (const batch of plan.portalUsers(batchSize)) {
      await insertUsers(tx, batch, options.passwordHash)
      inserted += batch.length
      options.onProgress?.(inserted, total)
    }
    for (const table of ['companies', 'websites', 'users'] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 0) + 1 from ${sql.table(table)}), false)`.execute(tx)
    }
    // The security sample joins users: without statistics the planner would nest-loop over seq scans.
    await sql`analyze users`.execute(tx)
    await seedSecurityData(tx, options.now)
  })
  // Fresh statistics and visibility map: the planner then picks the sort and trigram indexes.
  await sql`vacuum analyze companies, websites, users, sessions, passkeys, totp, api_keys, payment_methods, documents, audit_log, sign_in_attempts`.execute(db)
  return {
    companies: plan.companies.length,
    websites: plan.websites.length,
    internalUsers: plan.internalUsers.length,
    portalUsers: plan.portalUserCount
  }
}

async function insertCompanies(db: Kysely<Database>, companies: readonly CompanySeed[]): Promise<void> {
  await sql`insert into companies (id, name, vat, country)
    select * from unnest(${companies.map((c) => c.id)}::int[], ${companies.map((c) => c.name)}::text[],
      ${companies.map((c) => c.vat)}::text[], ${companies.map((c) => c.country)}::text[])`.execute(db)
}

async function insertWebsites(db: Kysely<Database>, websites: readonly WebsiteSeed[]): Promise<void> {
  await sql`insert into websites (id, name, url, host, company_id)
    select * from unnest(${websites.map((w) => w.id)}::int[], ${websites.map((w) => w.name)}::text[],
      ${websites.map((w) => w.url)}::text[], ${websites.map((w) => w.host)}::text[], ${websites.map((w) => w.companyId)}::int[])`.execute(db)
}

/**
 * Birthday, street, zip, invoice delivery and additional emails of portal users, derived from the id
 * in SQL: the rows get them in the same INSERT (no second pass), and the generator's random stream,
 * hence every other seeded value, stays as it was.
 */
const addressColumns = sql`
  case when t.kind = 'portal' and t.id % 3 <> 0 then date '1950-01-01' + ((t.id::bigint * 7919) % 18250)::int end,
  case when t.kind = 'portal' and t.city is not null then
    case when t.country in ('CN', 'TW', 'HK') then (array['人民路', '中山路', '解放路', '建设路', '南京路'])[1 + t.id % 5] || (1 + t.id % 300) || '号'
    else (1 + t.id % 180) || ' ' || (array['Main Street', 'Station Road', 'Hauptstraße', 'Rue de la Paix', 'Calle Mayor', 'Via Roma', 'Market Square', 'Lindenweg'])[1 + t.id % 8] end
  end,
  case when t.kind = 'portal' and t.city is not null then (((t.id::bigint * 104729) % 90000) + 10000)::text end,
  case when t.kind = 'portal' and t.id % 9 = 0 then 'postal' else 'email' end,
  case when t.kind = 'portal' and t.id % 11 = 0 and t.email is not null then array['billing.' || t.id || '@' || split_part(t.email, '@', 2)] else '{}'::text[] end`

async function insertUsers(db: Kysely<Database>, users: readonly UserSeed[], passwordHash: string): Promise<void> {
  const column = <K extends keyof UserSeed>(key: K): UserSeed[K][] => users.map((u) => u[key])
  await sql`insert into users (id, kind, login, login_key, login_skeleton, name_prefix, first_name, middle_name, last_name, name_suffix, name,
      email, phone, company_id, website_id, role, language, city, country, active, last_sign_in_at, created_at,
      updated_at, password_hash, birthday, street, zip, invoice_delivery, emails)
    select t.*, t.created_at, ${passwordHash}, ${addressColumns}
    from unnest(${column('id')}::int[], ${column('kind')}::text[], ${column('login')}::text[],
      ${users.map((u) => loginKey(u.login))}::text[], ${users.map((u) => loginSkeleton(u.login))}::text[],
      ${column('namePrefix')}::text[], ${column('firstName')}::text[], ${column('middleName')}::text[],
      ${column('lastName')}::text[], ${column('nameSuffix')}::text[], ${column('name')}::text[],
      ${column('email')}::text[], ${column('phone')}::text[], ${column('companyId')}::int[], ${column('websiteId')}::int[],
      ${column('role')}::text[], ${column('language')}::text[], ${column('city')}::text[], ${column('country')}::text[],
      ${column('active')}::boolean[], ${column('lastSignInAt')}::timestamptz[], ${column('createdAt')}::timestamptz[])
      as t(id, kind, login, login_key, login_skeleton, name_prefix, first_name, middle_name, last_name, name_suffix, name, email, phone,
        company_id, website_id, role, language, city, country, active, last_sign_in_at, created_at)`.execute(db)
}
