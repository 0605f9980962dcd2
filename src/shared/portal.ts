import { z } from 'zod'
import { identityText, pendingEmailChange } from './users'

/**
 * The portal users' own API: sign-in (`/api/v1/portal/*`) and self-service (`/api/v1/me/*`), the
 * user-driven half of the Odoo portal page. The desk does not call these; they are here so that a
 * portal front end and the tests read the same schemas as the server (the endpoints themselves are
 * declared in endpoints/portal.ts).
 */

const isoDateTime = z.iso.datetime({ offset: true })
const password = z.string().min(1).max(1024)
/** A one-time code of an authenticator app: six digits (spaces are tolerated and dropped). */
export const otpCode = z
  .string()
  .max(16)
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'))

/**
 * The device token a successful sign-in gave this client (OWASP device cookies): with it, the
 * client's right password works while the account is locked for unknown devices. Any string is
 * accepted; one that is not a valid token of this account counts as no token.
 */
export const deviceToken = z.string().max(128).optional()

export const portalLoginRequest = z.strictObject({
  login: z.string().trim().min(1).max(254),
  password,
  otp: otpCode.optional(),
  deviceToken
})
export type PortalLoginRequest = z.input<typeof portalLoginRequest>

export const portalUser = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string()
})
export type PortalUser = z.infer<typeof portalUser>

export const portalLoginResponse = z.object({
  token: z.string().min(32),
  expiresAt: isoDateTime,
  user: portalUser,
  /**
   * The password was a temporary one ("must change password at next sign-in"): the session may only
   * choose a new password (POST /api/v1/me/password) and sign out; everything else answers 403
   * PASSWORD_CHANGE_REQUIRED. Absent: false.
   */
  passwordChangeRequired: z.boolean().optional(),
  /** This client's device token for the account (keep it secret; send it with the next sign-in). */
  deviceToken: z.string().min(32).max(128).optional()
})
export type PortalLoginResponse = z.infer<typeof portalLoginResponse>

/**
 * The `details` of a 401 INVALID_CREDENTIALS when the password was right but the account has 2FA:
 * `required` (no code sent) or `invalid` (a wrong or replayed code). Never sent for a wrong password.
 */
export const otpChallengeDetails = z.object({ otp: z.enum(['required', 'invalid']) })
export type OtpChallengeDetails = z.infer<typeof otpChallengeDetails>

// ---------------------------------------------------------------------------------------------
// Profile and contact information

/** ISO 3166-1 alpha-2, upper case, a region CLDR knows. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as DE or CN.')
  .refine(isKnownRegion, 'This is not a known country code.')

/** Whether CLDR names this region; a malformed code (which `of` would throw on) is not one. */
function isKnownRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) !== undefined
  } catch {
    return false
  }
}

export const invoiceDelivery = z.enum(['email', 'postal'])

export const meProfile = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  street2: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  companyName: z.string().nullable(),
  vat: z.string().nullable(),
  website: z.string().nullable(),
  invoiceDelivery,
  language: z.enum(['en', 'zh-CN']),
  twoFactor: z.boolean(),
  /** Documents exist for the company: country, company name and VAT can only be changed by an administrator. */
  documentLock: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  /** A new address waiting for its confirmation link; `email` stays the address every email goes to until then. */
  pendingEmail: pendingEmailChange.nullable(),
  version: z.number().int().nonnegative()
})
export type MeProfile = z.infer<typeof meProfile>

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value))

/** PATCH /api/v1/me: the whole contact form, with the version that was read. The login is not part of it. */
export const meContactUpdate = z.strictObject({
  version: z.number().int().nonnegative(),
  name: identityText(200).min(1),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^\+?[0-9 ()./-]+$/, 'Use digits, spaces and + ( ) . / - only.')
    .refine((value) => value.replace(/\D/g, '').length >= 3, 'The phone number needs at least three digits.'),
  street: text(200),
  city: text(100),
  country: countryCode,
  street2: optionalText(200),
  zip: optionalText(20),
  state: optionalText(100),
  companyName: optionalText(200),
  vat: optionalText(32),
  invoiceDelivery: invoiceDelivery.optional(),
  /** Required when `email` differs from the current address: a stolen session alone cannot move the account's mail. */
  currentPassword: z.string().min(1).max(1024).optional()
})
export type MeContactUpdate = z.input<typeof meContactUpdate>

// ---------------------------------------------------------------------------------------------
// Password, sessions, account

export const passwordConfirmation = z.strictObject({ password })
export type PasswordConfirmation = z.infer<typeof passwordConfirmation>

export const changePasswordRequest = z.strictObject({
  currentPassword: password,
  newPassword: z.string().min(1).max(1024)
})
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>

export const sessionsRevokedResponse = z.object({ revoked: z.number().int().nonnegative() })

export const deleteAccountRequest = z.strictObject({
  password,
  /** The login typed in again, as a confirmation. */
  login: z.string().trim().min(1).max(254),
  /** Put the email and phone on the block list (Odoo's default: ticked). */
  blocklist: z.boolean().default(true)
})
export type DeleteAccountRequest = z.input<typeof deleteAccountRequest>

// ---------------------------------------------------------------------------------------------
// Two-factor authentication

export const twoFactorSetupResponse = z.object({
  /** For the QR code: `otpauth://totp/<issuer>:<login>?secret=…`. Shown during setup only. */
  otpauthUri: z.string(),
  /** The same secret in base32, for typing it in by hand. */
  secret: z.string()
})
export type TwoFactorSetupResponse = z.infer<typeof twoFactorSetupResponse>

export const twoFactorVerifyRequest = z.strictObject({ code: otpCode })
export const twoFactorStatus = z.object({ enabled: z.boolean() })

// ---------------------------------------------------------------------------------------------
// Passkeys

export const passkeyName = z.string().trim().min(1).max(100)

export const passkeyItem = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable()
})
export type PasskeyItem = z.infer<typeof passkeyItem>

/** WebAuthn options and responses are the JSON of the WebAuthn spec; @simplewebauthn/server checks their contents. */
export const webauthnOptions = z.object({ options: z.record(z.string(), z.unknown()) })
const base64url = z.string().min(1).max(8192).regex(/^[A-Za-z0-9_-]+$/)
export const webauthnRegistrationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(32)).max(10).optional()
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({})
})
export const webauthnAuthenticationResponse = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional()
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({})
})
export const passkeyCreateRequest = z.strictObject({ name: passkeyName, response: webauthnRegistrationResponse })
export const passkeyRenameRequest = z.strictObject({ name: passkeyName })
export const passkeyLoginOptionsRequest = z.strictObject({ websiteId: z.number().int().positive().max(2_147_483_647) })
export const passkeyLoginRequest = z.strictObject({ response: webauthnAuthenticationResponse })

// ---------------------------------------------------------------------------------------------
// Payment methods

export const paymentMethodItem = z.object({
  id: z.number().int().positive(),
  provider: z.string(),
  brand: z.string(),
  last4: z.string(),
  /** `•••• 1234`: how every screen shows the card. */
  display: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  holder: z.string(),
  createdAt: isoDateTime
})
export type PaymentMethodItem = z.infer<typeof paymentMethodItem>

export const addPaymentMethodRequest = z.strictObject({
  /** Sent once to the demo provider, never stored: spaces and dashes are dropped. */
  number: z.string().max(40),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  holder: z.string().trim().min(1).max(200),
  cvc: z
    .string()
    .regex(/^\d{3,4}$/)
    .optional()
})
export type AddPaymentMethodRequest = z.infer<typeof addPaymentMethodRequest>

// ---------------------------------------------------------------------------------------------
// API keys

export const apiKeyScope = z.enum(['read', 'read_write'])

export const apiKeyItem = z.object({
  id: z.number().int().positive(),
  description: z.string(),
  scope: apiKeyScope,
  prefix: z.string(),
  websiteId: z.number().int().positive(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable()
})
export type ApiKeyItem = z.infer<typeof apiKeyItem>

export const createApiKeyRequest = z.strictObject({
  password,
  description: z.string().trim().min(1).max(200),
  scope: apiKeyScope.default('read'),
  /** Days until it expires; none means no expiry. */
  expiresInDays: z.number().int().min(1).max(3650).optional()
})
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequest>

export const createdApiKey = z.object({
  /** Shown once: the server keeps only its hash. */
  key: z.string(),
  apiKey: apiKeyItem
})
export type CreatedApiKey = z.infer<typeof createdApiKey>

/** A numeric id in a path: digits only (no `1e3`, `0x10` or ` 1`), within int4. */
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'Not a valid id.')
    .transform(Number)
    .pipe(z.number().int().max(2_147_483_647))
})
