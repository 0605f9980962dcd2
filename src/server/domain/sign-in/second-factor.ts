import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { spendTotpCode } from '../totp/self-service'
import { countSignInFailure, refuseSignIn, type SignInCandidate, type SignInRequest } from './password-gate'
import { defaultSignInProtection, type SignInProtectionPolicy } from './policy'

/**
 * The TOTP step of a sign-in, after the password gate has let the user through. Only the password's
 * owner gets this far, so saying that a code is missing or wrong (`details.otp`: 'required' or
 * 'invalid') leaks nothing to someone guessing passwords; a wrong code counts as a failed attempt,
 * like a wrong password, and a code is spent once (domain/totp).
 */
export async function passSecondFactor(
  db: Kysely<Database>,
  request: SignInRequest,
  user: SignInCandidate & { totp_enabled_at: Date | null },
  otp: string | undefined,
  policy: SignInProtectionPolicy = defaultSignInProtection
): Promise<void> {
  if (user.totp_enabled_at === null) return
  if (otp === undefined) {
    await refuseSignIn(db, request, user, 'otp_required', new DeskError('INVALID_CREDENTIALS', 'Enter the code from your authenticator app.', { otp: 'required' }))
  }
  const accepted = await withTransaction(db, (trx) => spendTotpCode(trx, user.id, otp ?? '', request.now))
  if (!accepted) {
    await countSignInFailure(db, request, user, 'otp_invalid', policy)
    throw new DeskError('INVALID_CREDENTIALS', 'The code is not valid. Enter the current code from your authenticator app.', { otp: 'invalid' })
  }
}
