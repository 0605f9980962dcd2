import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { AuditContext } from '../audit/record'
import { deviceOfSession } from '../sign-in/device-tokens'
import { passPasswordGate } from '../sign-in/password-gate'
import type { AccountActor } from './account-actor'

/**
 * Confirms the signed-in user's own password before a sensitive self-service action (2FA, passkey,
 * API key, sign out everywhere, delete). It goes through the same gate as a sign-in: a stolen session
 * cannot be used to guess the password, because wrong guesses count toward the account lock and the
 * IP limit. The session's own device is what is judged (sign-in/device-tokens.ts), so an account locked
 * for unknown devices still lets its owner confirm. A wrong password is 401 INVALID_CREDENTIALS (the
 * session stays).
 */
export async function confirmOwnPassword(db: Kysely<Database>, actor: AccountActor, password: string): Promise<void> {
  const user = await db.selectFrom('users').select(['id', 'login', 'password_hash', 'locked_until']).where('id', '=', actor.userId).executeTakeFirst()
  const device = await deviceOfSession(db, actor.sessionId, { userId: actor.userId, audience: actor.audience }, actor.now)
  await passPasswordGate(db, { login: actor.login, password, audience: actor.audience, ip: actor.ip, userAgent: actor.userAgent, now: actor.now, device }, user)
}

/** The audit row's who/where of someone acting on their own account (no ticket: nobody asked them). */
export function ownAuditContext(actor: AccountActor): AuditContext {
  return { at: actor.now, actorId: actor.userId, actorLogin: actor.login, actorRole: actor.role, ip: actor.ip, userAgent: actor.userAgent, ticketRef: null, reason: null }
}
