import { z } from 'zod'
import { deviceToken, otpCode } from './portal'
import { operatorRoles } from './users'

export const operatorRole = z.enum(operatorRoles)
export type OperatorRole = z.infer<typeof operatorRole>

export const operator = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string(),
  role: operatorRole,
  /**
   * The server's OPERATOR_2FA policy applies to this operator and they have not set up TOTP yet:
   * every action but their own account answers 403 TWO_FACTOR_REQUIRED until they do. Absent: false.
   */
  twoFactorSetupRequired: z.boolean().optional(),
  /**
   * The operator signed in with a temporary password ("must change password at next sign-in"):
   * every action but choosing a new one, who am I and sign-out answers 403 PASSWORD_CHANGE_REQUIRED
   * until they do. Absent: false.
   */
  passwordChangeRequired: z.boolean().optional()
})
export type Operator = z.infer<typeof operator>

export const loginRequest = z.object({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  /** The authenticator app's code, for an operator with 2FA on (asked for after a right password). */
  otp: otpCode.optional(),
  deviceToken
})
export type LoginRequest = z.infer<typeof loginRequest>

/** What the renderer sends to sign in: no device token, which main keeps in its vault and adds itself. */
export const deskSignInRequest = loginRequest.omit({ deviceToken: true })
export type DeskSignInRequest = z.infer<typeof deskSignInRequest>

export const loginResponse = z.object({
  token: z.string().min(32),
  expiresAt: z.iso.datetime({ offset: true }),
  operator,
  /** The session is restricted to choosing a new password (POST /api/v1/auth/account/password) and signing out. Absent: false. */
  passwordChangeRequired: z.boolean().optional(),
  /** This client's device token for the account (keep it secret; send it with the next sign-in). */
  deviceToken: z.string().min(32).max(128).optional()
})
export type LoginResponse = z.infer<typeof loginResponse>

export const health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string()
})
export type Health = z.infer<typeof health>

/** POST /api/v1/auth/reauth: the operator's own password, for the identity check of sensitive actions. */
export const reauthRequest = z.object({
  password: z.string().min(1).max(1024)
})
export type ReauthRequest = z.infer<typeof reauthRequest>

export const reauthResponse = z.object({
  /** Sensitive actions are allowed on this session until then (10 minutes). */
  reauthenticatedUntil: z.iso.datetime({ offset: true })
})
export type ReauthResponse = z.infer<typeof reauthResponse>
