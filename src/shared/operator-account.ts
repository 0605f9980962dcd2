import { z } from 'zod'
import { changePasswordRequest, otpCode, passwordConfirmation, twoFactorSetupResponse } from './portal'
import { sessionId } from './security'

/**
 * The operator's own account (the desk's "My account" menu), modelled on OroCRM's "My User": change
 * the password with the current one, turn TOTP on or off, see and end one's sessions. The routes sit
 * under /api/v1/auth beside sign-in, and stay open while the OPERATOR_2FA policy still waits for a
 * TOTP setup: that setup is made here.
 */

export const operatorTwoFactorPolicies = ['optional', 'required'] as const
export type OperatorTwoFactorPolicy = (typeof operatorTwoFactorPolicies)[number]

export const operatorAccount = z.object({
  twoFactor: z.object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime({ offset: true }).nullable(),
    /** The server's policy makes TOTP mandatory for this operator: it cannot be turned off. */
    required: z.boolean()
  })
})
export type OperatorAccount = z.infer<typeof operatorAccount>

/** Oro's form has a third field, "repeat": the desk checks it; the API takes the two that matter. */
export const changeOwnPasswordRequest = changePasswordRequest
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequest>
export const changeOwnPasswordResult = z.object({ sessionsRevoked: z.number().int().nonnegative() })
export type ChangeOwnPasswordResult = z.infer<typeof changeOwnPasswordResult>

export const beginOwnTwoFactorRequest = passwordConfirmation
export const ownTwoFactorSetup = twoFactorSetupResponse
export type OwnTwoFactorSetup = z.infer<typeof ownTwoFactorSetup>
export const confirmOwnTwoFactorRequest = z.strictObject({ code: otpCode })
export const disableOwnTwoFactorRequest = passwordConfirmation

export const ownSessionParams = z.object({ id: sessionId })
