import { z } from 'zod'
import { userKind } from './users'

/**
 * The helpdesk flow of issue 5: find the person, verify who is calling, then act. Shapes shared
 * by the server routes, the desk's main process and the Helpdesk view.
 */

const isoDateTime = z.iso.datetime({ offset: true })

export const verificationCodeLength = 6
export const verificationCodeTtlMinutes = 10
/** Wrong codes accepted for one code before it is spent. */
export const verificationCodeMaxAttempts = 5
/** How long a verification unlocks actions on that user for that operator. */
export const verificationTtlMinutes = 30

export const personSearchLimit = { min: 1, max: 20, default: 10 } as const

export const personSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'Type part of an email, phone, username, name or company.').max(200),
  limit: z.coerce.number().int().min(personSearchLimit.min).max(personSearchLimit.max).default(personSearchLimit.default)
})
export type PersonSearchQuery = z.input<typeof personSearchQuery>

/** Enough to tell namesakes apart without showing the whole email or phone. */
export const personMatch = z.object({
  id: z.number().int().positive(),
  kind: userKind,
  name: z.string(),
  /** The username, masked as the email (`w***@example.com`) when it is an email address. */
  login: z.string(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  /** `w***@example.com` */
  maskedEmail: z.string().nullable(),
  /** `•••• 4567` */
  maskedPhone: z.string().nullable(),
  lastSignInAt: isoDateTime.nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  twoFactor: z.boolean(),
  /**
   * The user's own email change waiting for confirmation, masked like `maskedEmail` (`n***@example.com`);
   * null when none. Codes and links still go to the confirmed address. Optional for older fixtures; the server always sends it.
   */
  maskedPendingEmail: z.string().nullable().optional(),
  /** Facts for the knowledge check, read by the agent and confirmed by the caller. */
  facts: z.object({
    company: z.string().nullable(),
    city: z.string().nullable(),
    phoneLast4: z.string().regex(/^\d{4}$/).nullable()
  })
})
export type PersonMatch = z.infer<typeof personMatch>
export const personMatchList = z.object({ items: z.array(personMatch) })
export type PersonMatchList = z.infer<typeof personMatchList>

export const verificationChannels = ['email', 'sms'] as const
export const codeSent = z.object({
  channel: z.enum(verificationChannels),
  /** Where it went, masked. */
  sentTo: z.string(),
  expiresAt: isoDateTime,
  mailStatus: z.enum(['pending', 'blocked']),
  /** The outbox id of the email: GET /api/v1/mail/:id/state follows its delivery. */
  mailId: z.string()
})
export type CodeSent = z.infer<typeof codeSent>

export const checkCodeRequest = z.strictObject({
  code: z
    .string()
    .max(16)
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code the caller reads out.'))
})

export const knowledgeFacts = ['company', 'city', 'phoneLast4'] as const
export type KnowledgeFact = (typeof knowledgeFacts)[number]
export const knowledgeCheckRequest = z.strictObject({
  /** The facts the caller confirmed correctly, ticked off by the agent. */
  facts: z
    .array(z.enum(knowledgeFacts))
    .min(2, 'Confirm at least two facts with the caller.')
    .refine((facts) => new Set(facts).size === facts.length, 'A fact is listed twice.')
})

/** How the caller's identity was verified; the strength decides what it unlocks. */
export const verificationMethods = ['email_code', 'sms_code', 'knowledge'] as const
export type VerificationMethod = (typeof verificationMethods)[number]

export const verification = z.object({
  /** Sent back with each action (X-Verification) so that the audit row records how the caller was verified. */
  verificationId: z.string().regex(/^\d{1,19}$/),
  method: z.enum(verificationMethods),
  /** `strong` (a code) unlocks everything the role may do; `weak` (knowledge) not disabling 2FA. */
  strength: z.enum(['strong', 'weak']),
  verifiedAt: isoDateTime,
  expiresAt: isoDateTime
})
export type Verification = z.infer<typeof verification>

export const remindUsernameResult = z.object({
  sentTo: z.string(),
  mailStatus: z.enum(['pending', 'blocked']),
  /** The outbox id of the reminder: GET /api/v1/mail/:id/state follows its delivery. */
  mailId: z.string()
})
export type RemindUsernameResult = z.infer<typeof remindUsernameResult>
