import { signInablePortalUsers } from '../portal-helpers'
import { seededOperators } from './operators'
import { testPassword, type TestPortal } from './portal'

/** Who sends a fuzzed request: nobody, a forged token, or a real signed-in caller of each kind. */
export const callerNames = ['anonymous', 'garbageToken', 'administrator', 'support', 'portalUser'] as const
export type CallerName = (typeof callerNames)[number]
export type SignedInCaller = Extract<CallerName, 'administrator' | 'support' | 'portalUser'>

const signedInCallers: readonly SignedInCaller[] = ['administrator', 'support', 'portalUser']

/** Longer than the sign-in throttle window and the longest lock: what the fuzzer's own failed guesses earned has passed. */
const throttleWindowPassed = 16 * 60_000

export interface FuzzCallers {
  /** The current bearer token of a signed-in caller. */
  token(caller: SignedInCaller): string
  /** The callers' own user ids: fuzzed requests never aim at them, so that no request locks the fuzzer out. */
  ownIds: readonly number[]
  /**
   * Makes sure a signed-in caller can still act: a fuzzed request may have signed it out (that is a
   * success) or spent its sign-in attempts. It is then signed in again (operators re-verified), and
   * the answer is true: the database changed.
   */
  ensureAlive(caller: SignedInCaller): Promise<boolean>
}

interface CallerAccount {
  login: string
  id: number
  token: string
}

/**
 * The administrator and the support agent (both re-verified, so that their requests reach past the
 * identity check to the input checks), and one portal user.
 */
export async function signInCallers(portal: TestPortal): Promise<FuzzCallers> {
  const [portalUser] = await signInablePortalUsers(portal, 1)
  if (!portalUser) throw new Error('no seeded portal user can sign in')
  const logins: Record<SignedInCaller, string> = { administrator: seededOperators.administrator, support: seededOperators.support, portalUser: portalUser.login }
  const accounts = {} as Record<SignedInCaller, CallerAccount>

  let lastRefusal = ''
  async function signIn(caller: SignedInCaller): Promise<CallerAccount | null> {
    const login = logins[caller]
    const path = caller === 'portalUser' ? '/api/v1/portal/login' : '/api/v1/auth/login'
    const answer = await portal.request('POST', path, { json: { login, password: testPassword } })
    if (answer.status !== 200) {
      lastRefusal = `sign-in: ${answer.status} ${answer.text}`
      return null
    }
    const body = answer.body as { token: string; operator?: { id: number }; user?: { id: number } }
    const token = body.token
    if (caller !== 'portalUser') {
      const reauth = await portal.request('POST', '/api/v1/auth/reauth', { token, json: { password: testPassword } })
      if (reauth.status !== 200) {
        lastRefusal = `re-verification: ${reauth.status} ${reauth.text}`
        return null
      }
    }
    return { login, id: body.operator?.id ?? body.user?.id ?? 0, token }
  }

  async function works(caller: SignedInCaller): Promise<boolean> {
    const account = accounts[caller]
    const answer = await portal.request('GET', caller === 'portalUser' ? '/api/v1/me' : '/api/v1/users?limit=1', { token: account.token })
    return answer.status === 200
  }

  async function signInOrFail(caller: SignedInCaller): Promise<void> {
    let account = await signIn(caller)
    if (!account) {
      // The fuzzer's own wrong guesses (sign-in, re-verification) throttle this address or lock the account.
      portal.clock.advance(throttleWindowPassed)
      account = await signIn(caller)
    }
    if (!account) throw new Error(`the fuzzer could not sign ${logins[caller]} in again (${lastRefusal})`)
    accounts[caller] = account
  }

  for (const caller of signedInCallers) await signInOrFail(caller)

  return {
    token: (caller) => accounts[caller].token,
    ownIds: signedInCallers.map((caller) => accounts[caller].id),
    async ensureAlive(caller) {
      if (await works(caller)) return false
      const before = portal.clock.now().getTime()
      await signInOrFail(caller)
      // Moving the clock ended every re-verification and may have idled the other sessions out.
      if (portal.clock.now().getTime() !== before) for (const other of signedInCallers) if (other !== caller) await signInOrFail(other)
      return true
    }
  }
}
