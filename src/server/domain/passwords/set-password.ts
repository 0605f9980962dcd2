import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { fieldRefusal } from '../refusal'
import type { Database, UserRow } from '../../db/schema'
import { hashPassword } from '../auth/passwords'
import { revokeOutstandingLinks } from '../reset/links'
import { revokeSessions } from '../sessions/revoke-sessions'
import { lockUser, updateUserVersioned } from '../users/versioned-update'
import { checkPasswordPolicy } from './policy'

export interface SetPasswordInput {
  userId: number
  password: string
  /** The next sign-in must choose a new password (a temporary password set by an operator). */
  mustChange: boolean
  now: Date
  /** Keep this session (a user changing their own password stays signed in here). */
  exceptSessionId?: string
}

export interface SetPasswordResult {
  before: UserRow
  after: UserRow
  sessionsRevoked: number
  /** Outstanding reset and invitation links that the new password made void. */
  linksRevoked: number
}

/** What a password may not be built from: the user's own login, names and emails. */
export function passwordUserInputs(user: Pick<UserRow, 'login' | 'name' | 'first_name' | 'last_name' | 'email' | 'emails'>): string[] {
  return [user.login, user.name, user.first_name, user.last_name, user.email, ...user.emails].filter((v): v is string => !!v)
}

/**
 * Gives a user a new password, inside the caller's transaction: checks the policy (400 VALIDATION,
 * `path: 'password'`, nothing changed), stores its argon2id hash, sets the must-change flag, clears
 * "reset required" and the temporary lock (whoever sets a password has proven the right to), voids
 * outstanding reset/invitation links and signs the user out everywhere (but `exceptSessionId`).
 * Deleted users cannot get a password back.
 */
export async function setPassword(trx: Kysely<Database>, input: SetPasswordInput): Promise<SetPasswordResult> {
  const before = await lockUser(trx, input.userId)
  if (before.deleted_at !== null) throw fieldRefusal('VALIDATION', 'accountDeleted', 'password', 'This account was deleted; it cannot get a password.')
  const policy = checkPasswordPolicy(input.password, { userInputs: passwordUserInputs(before) })
  if (!policy.ok) throw new DeskError('VALIDATION', policy.issues[0]?.message, policy.issues)
  const passwordHash = await hashPassword(input.password)
  const after = await updateUserVersioned(
    trx,
    before.id,
    before.version,
    { password_hash: passwordHash, must_change_password: input.mustChange, reset_required: false, failed_sign_ins: 0, locked_until: null },
    input.now
  )
  const linksRevoked = await revokeOutstandingLinks(trx, before.id, input.now)
  const sessionsRevoked = await revokeSessions(trx, before.id, {
    now: input.now,
    ...(input.exceptSessionId !== undefined ? { exceptSessionId: input.exceptSessionId } : {})
  })
  return { before, after, sessionsRevoked, linksRevoked }
}
