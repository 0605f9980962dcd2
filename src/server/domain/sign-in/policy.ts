/**
 * How failed sign-ins are throttled (issue 3, "Sign-in protection"). The numbers are a policy, not
 * constants spread in code: tests and a future configuration pass their own.
 */
export interface SignInProtectionPolicy {
  /** Failures of one account within `windowMs` that lock it. */
  accountFailureLimit: number
  /** Failures from one IP address within `windowMs` after which that address is refused until the window ends. */
  ipFailureLimit: number
  /** The counting window (fixed, starting at the first failure). */
  windowMs: number
  /** The first lock; each further lock doubles it, up to `maxLockMs`. */
  firstLockMs: number
  /** No lock lasts longer: an attacker can delay a user, never lock them out for good. */
  maxLockMs: number
}

export const defaultSignInProtection: SignInProtectionPolicy = {
  accountFailureLimit: 10,
  ipFailureLimit: 50,
  windowMs: 15 * 60_000,
  firstLockMs: 60_000,
  maxLockMs: 15 * 60_000
}

/** The length of the next lock after `previousLocks` locks: 1, 2, 4, 8, 15, 15… minutes with the default policy. */
export function lockDurationMs(previousLocks: number, policy: SignInProtectionPolicy = defaultSignInProtection): number {
  const exponent = Number.isNaN(previousLocks) ? 0 : Math.min(Math.max(0, Math.floor(previousLocks)), 30)
  return Math.min(policy.firstLockMs * 2 ** exponent, policy.maxLockMs)
}
