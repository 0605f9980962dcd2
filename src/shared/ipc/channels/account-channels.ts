import { z } from 'zod'
import {
  beginOwnTwoFactorRequest,
  changeOwnPasswordRequest,
  changeOwnPasswordResult,
  confirmOwnTwoFactorRequest,
  disableOwnTwoFactorRequest,
  operatorAccount,
  ownTwoFactorSetup
} from '../../operator-account'
import { revokeResult, sessionId, sessionList } from '../../security'

/** "My account": the signed-in operator's own password, TOTP and sessions (sign-out is session:sign-out). */
export const accountChannels = {
  'account:get': { input: z.void(), output: operatorAccount },
  'account:change-password': { input: changeOwnPasswordRequest, output: changeOwnPasswordResult },
  'account:begin-2fa': { input: beginOwnTwoFactorRequest, output: ownTwoFactorSetup },
  /** Also refreshes the session's operator: a TOTP setup the server's policy was waiting for is done. */
  'account:confirm-2fa': { input: confirmOwnTwoFactorRequest, output: operatorAccount },
  'account:disable-2fa': { input: disableOwnTwoFactorRequest, output: operatorAccount },
  'account:sessions': { input: z.void(), output: sessionList },
  'account:revoke-session': { input: z.object({ sessionId }), output: revokeResult },
  'account:revoke-other-sessions': { input: z.void(), output: revokeResult }
} as const
