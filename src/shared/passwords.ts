import { z } from 'zod'

/**
 * The password policy's limits and the request/response shapes of the password, reset-link and
 * portal-access routes. The server enforces the policy (domain/passwords/policy.ts, with zxcvbn-ts's
 * dictionaries); the desk reuses these constants to explain it before sending.
 */
export const passwordMinLength = 8
export const passwordMaxLength = 128
/** zxcvbn score (0–4) a password needs: 3 = "safely unguessable: moderate protection from offline attack". */
export const passwordMinScore = 3

/**
 * The wire schema only bounds the size (so a 10,000-character string is a plain 400 before any
 * hashing); the policy itself gives the words-for-humans refusal with `path: 'password'`.
 */
export const passwordInput = z.string().max(1024)

export const setPasswordRequest = z
  .object({
    password: passwordInput,
    /** The user must choose a new password at the next sign-in (a temporary password). */
    mustChange: z.boolean(),
    /** Send the "password changed" email (it never contains the password). */
    notify: z.boolean()
  })
  .strict()
export type SetPasswordRequest = z.infer<typeof setPasswordRequest>

export const setPasswordResponse = z.object({
  userId: z.number().int(),
  mustChangePassword: z.boolean(),
  sessionsRevoked: z.number().int(),
  /** The outbox row of the notification, when one was asked for. */
  mailId: z.string().nullable(),
  version: z.number().int()
})
export type SetPasswordResponse = z.infer<typeof setPasswordResponse>

export const resetLinkStatuses = ['pending', 'used', 'expired', 'revoked'] as const
export type ResetLinkStatus = (typeof resetLinkStatuses)[number]

export const resetLinkPurposes = ['reset', 'invite'] as const

/** The latest link of a user, as GET /users/:id/reset-link shows it (never the token). */
export const resetLinkState = z.object({
  id: z.number().int(),
  purpose: z.enum(resetLinkPurposes),
  sentAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(resetLinkStatuses),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable()
})
export type ResetLinkState = z.infer<typeof resetLinkState>

/** GET: `link` is null when the user never got one. */
export const resetLinkStatusResponse = z.object({ link: resetLinkState.nullable() })
export type ResetLinkStatusResponse = z.infer<typeof resetLinkStatusResponse>

export const sendResetLinkResponse = z.object({
  link: resetLinkState,
  /** Older outstanding links this one superseded. */
  supersededCount: z.number().int(),
  mailId: z.string(),
  /** 'blocked' when the address is on the block list: the link exists but is not mailed. */
  mailStatus: z.enum(['pending', 'blocked'])
})
export type SendResetLinkResponse = z.infer<typeof sendResetLinkResponse>

export const revokeResetLinkResponse = z.object({ revokedCount: z.number().int() })

export const requireResetResponse = z.object({
  userId: z.number().int(),
  sessionsRevoked: z.number().int(),
  link: resetLinkState,
  mailId: z.string(),
  mailStatus: z.enum(['pending', 'blocked']),
  version: z.number().int()
})
export type RequireResetResponse = z.infer<typeof requireResetResponse>

export const portalAccessActions = ['grant', 'revoke', 'reinvite'] as const
export type PortalAccessAction = (typeof portalAccessActions)[number]

export const portalAccessRequest = z.object({ action: z.enum(portalAccessActions) }).strict()
export type PortalAccessRequest = z.infer<typeof portalAccessRequest>

export const portalAccessResponse = z.object({
  userId: z.number().int(),
  action: z.enum(portalAccessActions),
  active: z.boolean(),
  sessionsRevoked: z.number().int(),
  /** The welcome email (grant, reinvite); null for revoke. */
  mailId: z.string().nullable(),
  mailStatus: z.enum(['pending', 'blocked']).nullable(),
  version: z.number().int()
})
export type PortalAccessResponse = z.infer<typeof portalAccessResponse>
