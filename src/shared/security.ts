import { z } from 'zod'
import { recordId } from './numbers'

/**
 * The operator's security actions on one user (issue 3: two-factor, passkeys, sessions, API keys,
 * lock, sign-ins, payment methods): parameters and answers, shared by the server routes and the
 * desk (the endpoints themselves are declared in endpoints/security.ts). Nothing here ever carries a secret: no TOTP secret, credential, token or key hash, and
 * no card number beyond its last four digits.
 */

const isoDateTime = z.iso.datetime({ offset: true })

/** An int4 identity in a URL (passkeys, API keys, payment methods). */
export const securityRecordId = recordId

/** A session id: an int8 identity, kept as its decimal text (JavaScript numbers cannot hold every int8). */
const maxInt8 = 9_223_372_036_854_775_807n
export const sessionId = z
  .string()
  .refine((value) => /^[1-9][0-9]{0,18}$/.test(value) && BigInt(value) <= maxInt8, 'A session id is a positive whole number')

/** `?includeRevoked=true` also lists what was revoked; by default only what is still in force. */
export const includeRevokedQuery = z
  .object({ includeRevoked: z.enum(['true', 'false']).default('false') })
  .strict()
  .transform((query) => ({ includeRevoked: query.includeRevoked === 'true' }))

export const twoFactorInviteResult = z.object({
  /** Where the invitation went, and whether the outbox will send it or holds it as block-listed. */
  sentTo: z.string(),
  mail: z.enum(['pending', 'blocked']),
  /** The outbox id of the invitation: GET /api/v1/mail/:id/state follows its delivery. */
  mailId: z.string(),
  sentAt: isoDateTime
})
export type TwoFactorInviteResult = z.infer<typeof twoFactorInviteResult>

export const twoFactorDisableResult = z.object({
  twoFactor: z.literal(false),
  sessionsRevoked: z.number().int().nonnegative(),
  /** Whether the "2FA disabled" email was queued (a user without an email address gets none). */
  notified: z.boolean()
})
export type TwoFactorDisableResult = z.infer<typeof twoFactorDisableResult>

export const passkeySummary = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  deviceType: z.enum(['singleDevice', 'multiDevice']).nullable(),
  backedUp: z.boolean(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable()
})
export type PasskeySummary = z.infer<typeof passkeySummary>
export const passkeyList = z.object({ items: z.array(passkeySummary) })
export type PasskeyList = z.infer<typeof passkeyList>

export const sessionStatuses = ['active', 'expired', 'revoked'] as const

export const sessionSummary = z.object({
  id: sessionId,
  audience: z.enum(['operator', 'portal']),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  startedAt: isoDateTime,
  lastSeenAt: isoDateTime,
  expiresAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  status: z.enum(sessionStatuses),
  /** The session the operator making this request is using. */
  current: z.boolean()
})
export type SessionSummary = z.infer<typeof sessionSummary>
/** The newest sessions first, at most `sessionListLimit`. */
export const sessionList = z.object({ items: z.array(sessionSummary) })
export type SessionList = z.infer<typeof sessionList>
export const sessionListLimit = 200

export const revokeResult = z.object({
  /** How many were revoked by this request. */
  revoked: z.number().int().nonnegative()
})
export type RevokeResult = z.infer<typeof revokeResult>

export const apiKeySummary = z.object({
  id: z.number().int().positive(),
  description: z.string(),
  scope: z.enum(['read', 'read_write']),
  /** The first characters of the key, to recognise it; the key itself is never stored. */
  prefix: z.string(),
  websiteId: z.number().int().positive(),
  website: z.string().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable()
})
export type ApiKeySummary = z.infer<typeof apiKeySummary>
export const apiKeyList = z.object({ items: z.array(apiKeySummary) })
export type ApiKeyList = z.infer<typeof apiKeyList>

export const lockState = z.object({
  locked: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  /** The user's version after the change (the desk's open form compares it). */
  version: z.number().int().nonnegative()
})
export type LockState = z.infer<typeof lockState>

export const signInAttempt = z.object({
  id: z.string().regex(/^\d+$/),
  at: isoDateTime,
  success: z.boolean(),
  audience: z.enum(['operator', 'portal']),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Why it failed (or how it succeeded: `reauth`), as the server recorded it. */
  reason: z.string().nullable()
})
export type SignInAttempt = z.infer<typeof signInAttempt>
export const signInListLimit = 50
/**
 * The last `signInListLimit` attempts, newest first, and the failed ones that count as recent: those
 * after the last successful sign-in or unlock (`since`; null when neither ever happened).
 */
export const signInList = z.object({
  items: z.array(signInAttempt),
  recentFailures: z.object({ count: z.number().int().nonnegative(), since: isoDateTime.nullable() })
})
export type SignInList = z.infer<typeof signInList>

export const paymentMethodSummary = z.object({
  id: z.number().int().positive(),
  provider: z.string(),
  brand: z.string(),
  /** `•••• 1234`: all an operator ever sees of the card number. */
  masked: z.string().regex(/^•••• \d{4}$/),
  /** MM/YYYY. */
  expiry: z.string().regex(/^(0[1-9]|1[0-2])\/\d{4}$/),
  expired: z.boolean(),
  addedAt: isoDateTime
})
export type PaymentMethodSummary = z.infer<typeof paymentMethodSummary>
export const paymentMethodList = z.object({ items: z.array(paymentMethodSummary) })
export type PaymentMethodList = z.infer<typeof paymentMethodList>

export const deleteResult = z.object({ deleted: z.literal(true) })
export type DeleteResult = z.infer<typeof deleteResult>
