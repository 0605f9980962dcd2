import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import { defaultSeed } from './db/seed/plan'
import { seedDemoData, type SeedSummary } from './db/seed/seed'
import { hashPassword } from './domain/auth/passwords'

export interface DemoDataOptions {
  portalUsers: number
  seed?: string
  /** The password of every seeded account. */
  password: string
  now: Date
  onProgress?: (inserted: number, total: number) => void
}

/** Seeds the demo data; the password is hashed once and the hash shared by every account. */
export async function seedDemoAccounts(db: Kysely<Database>, options: DemoDataOptions): Promise<SeedSummary> {
  const passwordHash = await hashPassword(options.password)
  return seedDemoData(db, {
    seed: options.seed ?? defaultSeed,
    portalUsers: options.portalUsers,
    passwordHash,
    now: options.now,
    ...(options.onProgress ? { onProgress: options.onProgress } : {})
  })
}

/** A random password for the demo accounts when none is given: 128 bits, URL-safe. */
export function generateDemoPassword(): string {
  return randomBytes(16).toString('base64url')
}
