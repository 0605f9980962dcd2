import type { Kysely } from 'kysely'
import type { DeskError } from '../../../shared/errors'
import { fieldRefusal, refusal } from '../refusal'
import {
  verificationCodeMaxAttempts,
  verificationCodeTtlMinutes,
  verificationTtlMinutes,
  type CodeSent,
  type KnowledgeFact,
  type Verification,
  type VerificationMethod
} from '../../../shared/helpdesk'
import type { Database, UserRow } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { recordAudit, type AuditContext } from '../audit/record'
import { isBlocked } from '../blocklist/normalize'
import { confirmedEmailOf } from '../email-change/pending'
import { enqueueMail } from '../mail/outbox'
import { lockUser } from '../users/versioned-update'
import { codeMatches, generateCode, hashCode, newCodeSalt } from './codes'
import { maskEmail, phoneLast4 } from './mask'
import type { RefusalReason } from '../../../shared/refusals'

/** Codes sent to one user per 10 minutes, by all operators together: enough for a retry, not for mail bombing. */
export const verificationCodesPerWindow = 3
export const verificationCodeWindowMinutes = 10

const minute = 60_000

export interface VerificationInput {
  userId: number
  operatorId: number
  audit: AuditContext
}

/** A user that can still be helped: deleted accounts cannot. */
async function lockLiveUser(trx: Kysely<Database>, userId: number): Promise<UserRow> {
  const user = await lockUser(trx, userId)
  if (user.deleted_at !== null) throw refusal('CONFLICT', 'accountDeleted', 'This account was deleted: there is nobody to verify.')
  return user
}

function noEmail(what: string): DeskError {
  const message = `This user has no email address, so ${what} cannot be sent. Verify the caller another way.`
  return fieldRefusal('VALIDATION', 'noEmail', 'email', message)
}

/**
 * Emails a fresh 6-digit code to the user's primary (confirmed) email, never to a pending one, in the user's language. Only its salted hash
 * is stored; the code itself exists only in the email. 429 after `verificationCodesPerWindow` codes in
 * 10 minutes (the user row is locked, so that two agents cannot both slip under the limit).
 */
export async function sendVerificationCode(db: Kysely<Database>, { userId, operatorId, audit }: VerificationInput): Promise<CodeSent> {
  return withTransaction(db, async (trx) => {
    const user = await lockLiveUser(trx, userId)
    const now = audit.at
    const to = await confirmedEmailOf(trx, user, now)
    if (!to) throw noEmail('a verification code')
    const windowStart = new Date(now.getTime() - verificationCodeWindowMinutes * minute)
    const recent = await trx
      .selectFrom('verification_codes')
      .select(['created_at'])
      .where('user_id', '=', userId)
      .where('created_at', '>', windowStart)
      .orderBy('created_at')
      .execute()
    if (recent.length >= verificationCodesPerWindow) {
      const oldest = recent[0]?.created_at ?? now
      const retryAt = new Date(oldest.getTime() + verificationCodeWindowMinutes * minute)
      const waitMinutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / minute))
      throw refusal(
        'RATE_LIMITED',
        'verificationCodeLimit',
        `${verificationCodesPerWindow} codes were already sent to this user in the last ${verificationCodeWindowMinutes} minutes. Ask the caller to read the last one, or try again in ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`,
        { retryAt: retryAt.toISOString() }
      )
    }
    const code = generateCode()
    const salt = newCodeSalt()
    const expiresAt = new Date(now.getTime() + verificationCodeTtlMinutes * minute)
    await trx
      .insertInto('verification_codes')
      .values({ user_id: userId, operator_id: operatorId, code_hash: hashCode(code, salt), salt, channel: 'email', created_at: now, expires_at: expiresAt })
      .execute()
    // A blocked address never receives mail, so its stored copy never carries the code.
    const blocked = await isBlocked(trx, 'email', to)
    const mail = await enqueueMail(trx, {
      userId,
      to,
      language: user.language,
      template: 'verificationCode',
      data: { name: user.name, code: blocked ? '[not sent]' : code, minutes: verificationCodeTtlMinutes },
      now
    })
    const sentTo = maskEmail(to)
    await recordAudit(trx, audit, { action: 'verification.codeSent', targetUserId: userId, changes: { codeSentTo: { from: null, to: sentTo } } })
    return { channel: 'email', sentTo, expiresAt: expiresAt.toISOString(), mailStatus: mail.status === 'blocked' ? 'blocked' : 'pending', mailId: mail.id }
  })
}

export interface CheckCodeInput extends VerificationInput {
  code: string
}

type CheckOutcome = { passed: Verification } | { refusal: DeskError }

/**
 * Checks the code the caller read back against the last code this operator sent to this user. A right
 * code is spent and yields a strong verification; a wrong one costs an attempt, which is committed
 * (with its audit row) even though the request is refused.
 */
export async function checkVerificationCode(db: Kysely<Database>, input: CheckCodeInput): Promise<Verification> {
  const outcome = await withTransaction(db, async (trx): Promise<CheckOutcome> => {
    await lockLiveUser(trx, input.userId)
    const now = input.audit.at
    const sent = await trx
      .selectFrom('verification_codes')
      .selectAll()
      .where('user_id', '=', input.userId)
      .where('operator_id', '=', input.operatorId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!sent) return { refusal: refusal('CONFLICT', 'verificationCodeNotSent', 'No code was sent to this user from your session: send a code first.') }
    if (sent.used_at !== null) return { refusal: refusal('CONFLICT', 'verificationCodeUsed', 'This code was already used. Send a new code to verify the caller again.') }
    if (sent.expires_at.getTime() <= now.getTime()) {
      return { refusal: refusal('CONFLICT', 'verificationCodeExpired', `The code expired (codes are valid for ${verificationCodeTtlMinutes} minutes). Send a new code.`) }
    }
    if (sent.attempts >= verificationCodeMaxAttempts) {
      return { refusal: refusal('RATE_LIMITED', 'verificationCodeSpent', `${verificationCodeMaxAttempts} wrong codes were tried: this code no longer works. Send a new code.`) }
    }
    if (!codeMatches(input.code, sent.salt, sent.code_hash)) {
      const attempts = sent.attempts + 1
      await trx.updateTable('verification_codes').set({ attempts }).where('id', '=', sent.id).execute()
      await recordAudit(trx, input.audit, { action: 'verification.failed', targetUserId: input.userId, changes: { codeAttempts: { from: sent.attempts, to: attempts } } })
      const attemptsLeft = verificationCodeMaxAttempts - attempts
      const message =
        attemptsLeft > 0
          ? `That is not the code that was sent. ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left.`
          : 'That is not the code that was sent, and no attempts are left. Send a new code.'
      return { refusal: refusal('VALIDATION', 'verificationCodeWrong', message, { attemptsLeft }) }
    }
    await trx.updateTable('verification_codes').set({ used_at: now }).where('id', '=', sent.id).execute()
    return { passed: await recordVerification(trx, input, sent.channel === 'sms' ? 'sms_code' : 'email_code', {}) }
  })
  if ('refusal' in outcome) throw outcome.refusal
  return outcome.passed
}

export interface KnowledgeCheckInput extends VerificationInput {
  facts: readonly KnowledgeFact[]
}

/**
 * The agent ticked off facts of the record the caller confirmed. Only facts the record holds count;
 * the result is a weak verification, recorded as such.
 */
export async function checkKnowledge(db: Kysely<Database>, input: KnowledgeCheckInput): Promise<Verification> {
  return withTransaction(db, async (trx) => {
    const user = await lockLiveUser(trx, input.userId)
    const onRecord: Record<KnowledgeFact, string | null> = { company: user.company_name, city: user.city, phoneLast4: phoneLast4(user.phone) }
    const missing = input.facts.filter((fact) => !onRecord[fact])
    if (missing.length > 0) {
      const names: Record<KnowledgeFact, string> = { company: 'company', city: 'city', phoneLast4: 'phone number' }
      const message = `This user has no ${missing.map((fact) => names[fact]).join(' or ')} on record: the caller cannot have confirmed it.`
      throw fieldRefusal('VALIDATION', 'factsNotOnRecord', 'facts', message)
    }
    return recordVerification(trx, input, 'knowledge', { facts: { from: null, to: [...input.facts] } })
  })
}

async function recordVerification(
  trx: Kysely<Database>,
  { userId, operatorId, audit }: VerificationInput,
  method: VerificationMethod,
  changes: Record<string, { from: unknown; to: unknown }>
): Promise<Verification> {
  const verifiedAt = audit.at
  const expiresAt = new Date(verifiedAt.getTime() + verificationTtlMinutes * minute)
  const row = await trx
    .insertInto('verifications')
    .values({ user_id: userId, operator_id: operatorId, method, verified_at: verifiedAt, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, { ...audit, verificationMethod: method }, { action: 'verification.passed', targetUserId: userId, changes: { method: { from: null, to: method }, ...changes } })
  return { verificationId: row.id, method, strength: strengthOf(method), verifiedAt: verifiedAt.toISOString(), expiresAt: expiresAt.toISOString() }
}

export function strengthOf(method: VerificationMethod): Verification['strength'] {
  return method === 'knowledge' ? 'weak' : 'strong'
}

export interface ResolvedVerification {
  id: string
  method: VerificationMethod
  strength: Verification['strength']
}

/**
 * The verification an action names in X-Verification: it must be this operator's, of this user, and
 * still running; anything else is refused in words rather than silently recorded.
 */
export async function resolveVerification(
  db: Kysely<Database>,
  { verificationId, operatorId, targetUserId, now }: { verificationId: string; operatorId: number; targetUserId: number | null; now: Date }
): Promise<ResolvedVerification> {
  const refuse = (code: 'VALIDATION' | 'CONFLICT', reason: RefusalReason, message: string) => fieldRefusal(code, reason, 'X-Verification', message)
  if (targetUserId === null) throw refuse('VALIDATION', 'verificationNotForUser', 'X-Verification goes only with an action on one user.')
  const row = await db.selectFrom('verifications').selectAll().where('id', '=', verificationId).executeTakeFirst()
  if (!row) throw refuse('VALIDATION', 'verificationUnknown', 'There is no verification with this id (X-Verification).')
  if (row.operator_id !== operatorId) throw refuse('CONFLICT', 'verificationOtherOperator', 'This verification was made by another operator: verify the caller yourself.')
  if (row.user_id !== targetUserId) throw refuse('CONFLICT', 'verificationOtherUser', 'This verification is of another user: verify this caller first.')
  if (row.expires_at.getTime() <= now.getTime()) {
    throw refuse('CONFLICT', 'verificationExpired', `This verification expired (it lasts ${verificationTtlMinutes} minutes): verify the caller again.`)
  }
  return { id: row.id, method: row.method, strength: strengthOf(row.method) }
}
