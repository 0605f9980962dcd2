import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import unhomoglyph from 'unhomoglyph'
import { fieldRefusal, refusal } from '../refusal'
import { loginConfusableReason } from '../../../shared/login-refusals'
import type { Database, UsersTable } from '../../db/schema'

/**
 * When two logins are the same login, and when they only look the same.
 *
 * - The key: NFKC, full case folding (upper- then lower-casing, so that ß, ſ and final sigma fold
 *   too), NFKC again: `Support`, `ＳＵＰＰＯＲＴ` and `support` are one login. Unique in the
 *   database (users_login_folded_key); sign-in looks a login up by it.
 * - The skeleton (Unicode TR39, section 4): the key in NFD, each character replaced by its
 *   prototype from Unicode's confusables.txt (the `unhomoglyph` package's data), NFD again, then
 *   lower-cased because the prototypes of some look-alikes (0 → O) are capitals and logins are
 *   compared without case. `suppοrt` with a Greek omicron, `adrnin` and `supp0rt` have the
 *   skeletons of `support` and `admin`. A new login whose skeleton is taken is refused.
 */
export function loginKey(login: string): string {
  return login.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
}

export function loginSkeleton(login: string): string {
  return unhomoglyph(loginKey(login).normalize('NFD')).normalize('NFD').toLowerCase()
}

/** The columns that go with every write of `users.login`. */
export function loginColumns(login: string): { login: string; login_key: string; login_skeleton: string } {
  return { login, login_key: loginKey(login), login_skeleton: loginSkeleton(login) }
}

const takenMessage = 'Another record already uses this login.'
export const confusableLoginMessage = 'This username looks like an existing username (it differs only by characters that look alike). Choose another one.'

/**
 * Refuses a login that another user (of any kind, archived ones included) already has in its
 * folded form (409 naming the field, as the unique index would), or whose skeleton another
 * user's login has (409 `loginConfusable`, without saying whose). Call it inside the transaction
 * that writes the login: a transaction-scoped advisory lock on the skeleton makes two concurrent
 * writers of look-alike logins take turns, so the second one sees the first.
 */
export async function assertLoginAvailable(trx: Kysely<Database>, login: string, exceptUserId?: number): Promise<void> {
  const { login_key: key, login_skeleton: skeleton } = loginColumns(login)
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login-skeleton:${skeleton}`}, 0))`.execute(trx)
  let query = trx
    .selectFrom('users')
    .select('login_key')
    .where((eb) => eb.or([eb('login_skeleton', '=', skeleton), eb('login_key', '=', key)]))
  if (exceptUserId !== undefined) query = query.where('id', '<>', exceptUserId)
  const others = await query.limit(2).execute()
  if (others.length === 0) return
  if (others.some((other) => other.login_key === key)) {
    throw fieldRefusal('CONFLICT', 'loginTaken', 'login', takenMessage)
  }
  throw refusal('CONFLICT', loginConfusableReason, confusableLoginMessage, { path: 'login' })
}

/**
 * The sign-in lookup: the login as typed, folded (a full-width `ＡＤＭＩＮ` from an IME finds
 * `admin`), or by its lower case for a row written outside the domain without a key.
 */
export function sameLoginAs(login: string) {
  return (eb: ExpressionBuilder<{ u: UsersTable }, 'u'>) =>
    eb.or([eb('u.login_key', '=', loginKey(login)), eb(sql<string>`lower(u.login)`, '=', sql<string>`lower(${login})`)])
}
