import { randomBytes } from 'node:crypto'
import type { UserKindColumn } from '../../src/server/db/schema'
import type { TestPortal } from './support/portal'

/**
 * Fresh accounts with a chosen security state, written straight into the database, so that each
 * test of the security routes owns its user and does not depend on which seeded users the sample hit.
 */
export interface FixtureUser {
  id: number
  login: string
  email: string | null
}

export interface FixtureOptions {
  kind?: UserKindColumn
  email?: string | null
  language?: 'en' | 'zh-CN'
  active?: boolean
  twoFactor?: boolean
  /** Live portal sessions (plus one revoked one when > 0). */
  sessions?: number
  passkeys?: number
  apiKeys?: number
  paymentMethods?: number
  lockedForMs?: number
}

let sequence = 0

export async function createFixtureUser(portal: TestPortal, options: FixtureOptions = {}): Promise<FixtureUser> {
  const db = portal.server.database.db
  const now = portal.clock.now()
  sequence += 1
  const login = `fixture.${sequence}.${randomBytes(4).toString('hex')}`
  const email = options.email === undefined ? `${login}@example.com` : options.email
  const kind = options.kind ?? 'portal'
  const website = await db.selectFrom('websites').select('id').orderBy('id').limit(1).executeTakeFirst()
  const user = await db
    .insertInto('users')
    .values({
      kind,
      login,
      name: `Fixture ${sequence}`,
      email,
      role: kind === 'internal' ? 'user' : null,
      language: options.language ?? 'en',
      active: options.active ?? true,
      website_id: kind === 'portal' ? (website?.id ?? null) : null,
      locked_until: options.lockedForMs ? new Date(now.getTime() + options.lockedForMs) : null,
      failed_sign_ins: options.lockedForMs ? 10 : 0,
      lock_count: options.lockedForMs ? 1 : 0
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  const userId = user.id

  if (options.twoFactor) {
    await db.insertInto('totp').values({ user_id: userId, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', enabled_at: now }).execute()
  }
  const sessions = options.sessions ?? 0
  for (let i = 0; i < sessions + (sessions > 0 ? 1 : 0); i++) {
    await db
      .insertInto('sessions')
      .values({
        token_hash: randomBytes(32),
        user_id: userId,
        audience: 'portal',
        created_at: new Date(now.getTime() - (i + 1) * 60_000),
        last_seen_at: now,
        expires_at: new Date(now.getTime() + 86_400_000),
        ip: `203.0.113.${i + 1}`,
        user_agent: `Fixture browser ${i}`,
        revoked_at: i === sessions ? new Date(now.getTime() - 1000) : null
      })
      .execute()
  }
  for (let i = 0; i < (options.passkeys ?? 0); i++) {
    await db
      .insertInto('passkeys')
      .values({ user_id: userId, name: `Key ${i}`, credential_id: randomBytes(32), public_key: randomBytes(64), created_at: now, last_used_at: null })
      .execute()
  }
  for (let i = 0; i < (options.apiKeys ?? 0); i++) {
    const site = await db.insertInto('websites').values({ name: `Site ${login} ${i}`, url: `https://${login}-${i}.example.com`, host: `${login}-${i}.example.com` }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('api_keys')
      .values({ user_id: userId, website_id: site.id, description: `Key ${i}`, key_prefix: `pk_${i}abcdef`, key_hash: randomBytes(32), created_at: now })
      .execute()
  }
  for (let i = 0; i < (options.paymentMethods ?? 0); i++) {
    await db
      .insertInto('payment_methods')
      .values({ user_id: userId, provider: 'demo', provider_ref: `demo_${login}_${i}`, brand: 'visa', last4: String(4240 + i), exp_month: 3, exp_year: 2031, holder: 'Fixture', created_at: now })
      .execute()
  }
  return { id: userId, login, email }
}

/** Ids of one kind of record belonging to a user. */
export async function idsOf(portal: TestPortal, table: 'passkeys' | 'api_keys' | 'payment_methods', userId: number): Promise<number[]> {
  const rows = await portal.server.database.db.selectFrom(table).select('id').where('user_id', '=', userId).orderBy('id').execute()
  return rows.map((row) => row.id)
}

export async function liveSessionIds(portal: TestPortal, userId: number): Promise<string[]> {
  const rows = await portal.server.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('id').execute()
  return rows.map((row) => row.id)
}
