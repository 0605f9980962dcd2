/** The time source of the idle timer: the window's in the app, a fake one in tests. */
export interface IdleClock {
  now: () => number
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

export const windowClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number)
}

export interface IdleTimer {
  /** Something happened (a key, the pointer, the wheel): idleness starts again from now. */
  activity: () => void
  /** A new idle limit (0 never fires), counted from the last activity. */
  setLimit: (ms: number) => void
  /** Stops for good (sign-out, unmount): `onIdle` is not called any more. */
  stop: () => void
}

/**
 * Calls `onIdle` once when `limitMs` pass without `activity()`. Activity only records the time, so a
 * stream of pointer moves costs no timer churn: the one pending timer, when it fires early, sleeps
 * again for what is left. After firing it waits for the next activity before counting again.
 */
export function createIdleTimer(options: { limitMs: number; clock: IdleClock; onIdle: () => void }): IdleTimer {
  const { clock, onIdle } = options
  let limit = options.limitMs
  let lastActivity = clock.now()
  let pending: unknown = null
  let stopped = false

  const cancel = () => {
    if (pending !== null) clock.clearTimeout(pending)
    pending = null
  }
  const schedule = () => {
    cancel()
    if (stopped || limit <= 0) return
    const left = lastActivity + limit - clock.now()
    if (left <= 0) {
      onIdle()
      return
    }
    pending = clock.setTimeout(() => {
      pending = null
      schedule()
    }, left)
  }

  schedule()
  return {
    activity: () => {
      lastActivity = clock.now()
      if (pending === null) schedule()
    },
    setLimit: (ms) => {
      limit = ms
      schedule()
    },
    stop: () => {
      stopped = true
      cancel()
    }
  }
}
