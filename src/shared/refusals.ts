import { z } from 'zod'
import type { FieldIssue } from './errors'

/**
 * Every reason the portal gives for a refusal, as `details.reason` (or, on a refusal that names a
 * field, the field issue's `reason`). Clients word a refusal from its reason, never from the
 * server's English message: the desk under `refusals.<reason>` in each language.
 */
export const refusalReasons = [
  /** An operator acted on their own account (archive, delete, set password) where another must. */
  'ownAccount',
  /** Archive of a user who is already archived. */
  'alreadyArchived',
  /** Restore of a user who is not archived. */
  'notArchived',
  /** The account is archived, so it cannot sign in and the action (invitation, reminder) is of no use. */
  'accountArchived',
  /** The account was deleted; nothing can change it any more. */
  'accountDeleted',
  /** Unlock of an account that is not locked. */
  'notLocked',
  /** A two-factor invitation (or setup) when two-factor authentication is already on. */
  'twoFactorAlreadyOn',
  /** Turning off two-factor authentication that is not on. */
  'twoFactorAlreadyOff',
  /** The user has no email address to send this to. */
  'noEmail',
  /** A set password should notify by email, and the user has no email address. */
  'noEmailToNotify',
  /** A session or API key that was already revoked. */
  'alreadyRevoked',
  /** A session, passkey, API key or payment method of the user that no longer exists. */
  'alreadyGone',
  /** A support agent may only set a temporary password (must change at next sign-in). */
  'supportTemporaryOnly',
  /** Portal access is for portal users only. */
  'notPortalUser',
  /** Portal access needs a valid email address to send the invitation to. */
  'noValidEmail',
  /** The invitation address is already another user's login. */
  'emailIsAnotherLogin',
  /** Grant of portal access to a user who already has it. */
  'alreadyGranted',
  /** Revoke or re-invite of a user who has no portal access. */
  'notGranted',
  /** A write based on an old version of the user (with `currentVersion`). */
  'staleVersion',
  /** A login that looks like another user's (with `path: 'login'`). */
  'loginConfusable',
  /** The per-user mail limit (with `limit`, `windowMinutes`, `retryAfterSeconds`). */
  'mailLimit',
  /** A session signed in with a temporary password must change it first. */
  'passwordChangeRequired',
  /** A new password that equals the current one. */
  'sameAsCurrentPassword',
  /** Mail that needs a confirmed address while the only address is still pending confirmation. */
  'noConfirmedEmail',
  /** Company name and VAT are the company's, and other users share it. */
  'companyShared',
  /** A new email address needs the current password. */
  'passwordRequired',
  /** There is no email with this outbox id. */
  'noSuchEmail',
  /** This portal keeps no local mailbox (MAILBOX=local is not set): mail bodies are never exposed. */
  'mailboxOff',
  /** As many verification codes as the window allows were already sent to this user (with `retryAt`). */
  'verificationCodeLimit',
  /** A code was checked, but this operator sent none to this user. */
  'verificationCodeNotSent',
  /** The code was already used to verify the caller. */
  'verificationCodeUsed',
  /** Too many wrong codes were tried: the code no longer works. */
  'verificationCodeSpent',
  /** The code expired. */
  'verificationCodeExpired',
  /** The login is already another user's (with `path: 'login'`). */
  'loginTaken',
  /** The email address is already another user's (with `path: 'email'`). */
  'emailTaken',
  /** An operator changed their own role. */
  'ownRole',
  /** A role given to a portal user: only internal users have one. */
  'roleOfPortalUser',
  /** Company name or VAT given to a user who has no company. */
  'noCompany',
  /** A company id that does not exist. */
  'unknownCompany',
  /** A website id that does not exist. */
  'unknownWebsite',
  /** A birthday after today by the server's clock. */
  'birthdayInFuture',
  /** An avatar of zero bytes. */
  'avatarEmpty',
  /** An avatar that is not a PNG, JPEG or WebP image. */
  'avatarType',
  /** A support agent's security action without a ticket reference (X-Ticket-Ref). */
  'ticketRequired',
  /** A support agent turned off 2FA without a code verification of the caller. */
  'strongVerificationRequired',
  /** A verification code that is not the one sent (with `attemptsLeft`). */
  'verificationCodeWrong',
  /** A knowledge check ticked a fact the user's record does not hold (with `path: 'facts'`). */
  'factsNotOnRecord',
  /** X-Verification on a request that is not about one user. */
  'verificationNotForUser',
  /** X-Verification names no verification. */
  'verificationUnknown',
  /** X-Verification names another operator's verification. */
  'verificationOtherOperator',
  /** X-Verification names a verification of another user. */
  'verificationOtherUser',
  /** X-Verification names a verification that expired. */
  'verificationExpired',
  /** Turning off one's own 2FA while the portal's policy requires it for one's role. */
  'twoFactorRequiredByPolicy',
  /** A new passkey beyond the most a user may keep. */
  'passkeyLimit',
  /** A new payment method beyond the most a user may keep. */
  'paymentMethodLimit',
  /** An API key for an account that belongs to no portal website. */
  'apiKeyNeedsWebsite',
  /** A second live API key for the same website. */
  'apiKeyExists'
] as const

export type RefusalReason = (typeof refusalReasons)[number]

export const refusalReason = z.enum(refusalReasons)

export function isRefusalReason(value: unknown): value is RefusalReason {
  return refusalReason.safeParse(value).success
}

/**
 * The reason of a refusal's `details`: the object's `reason`, or the first field issue's; null when
 * there is none or it is not one of ours.
 */
export function refusalReasonOf(details: unknown): RefusalReason | null {
  if (Array.isArray(details)) {
    const reason = details.map((issue: Partial<FieldIssue> | null) => (typeof issue === 'object' && issue !== null ? issue.reason : undefined)).find((one) => one !== undefined)
    return isRefusalReason(reason) ? reason : null
  }
  if (typeof details !== 'object' || details === null) return null
  const reason = (details as { reason?: unknown }).reason
  return isRefusalReason(reason) ? reason : null
}
