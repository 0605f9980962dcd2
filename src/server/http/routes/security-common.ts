import type { Kysely } from 'kysely'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AuthService } from '../../domain/auth/auth-service'

/** What the security route modules use of `RouteDeps`. */
export interface SecurityRouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
}
