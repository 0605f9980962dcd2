import { describe, expect, it, vi } from 'vitest'
import { createIdleTimer, type IdleClock } from '../../../src/renderer/features/auto-lock/idle-timer'

/** A clock that only moves when told to, firing due timers in order. */
function fakeClock() {
  let now = 0
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout: (handle) => void timers.delete(handle as number)
  }
  const advance = (ms: number) => {
    const until = now + ms
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      timers.delete(due[0])
      now = due[1].at
      due[1].callback()
    }
    now = until
  }
  return { clock, advance, pending: () => timers.size }
}

const minute = 60_000

describe('idle timer', () => {
  it('fires once after the limit without activity', () => {
    const { clock, advance } = fakeClock()
    const onIdle = vi.fn()
    createIdleTimer({ limitMs: 15 * minute, clock, onIdle })
    advance(15 * minute - 1)
    expect(onIdle).not.toHaveBeenCalled()
    advance(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
    advance(60 * minute)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('counts again from each activity, with a single pending timer', () => {
    const { clock, advance, pending } = fakeClock()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ limitMs: 10 * minute, clock, onIdle })
    for (let i = 0; i < 100; i++) {
      advance(6_000)
      timer.activity()
    }
    expect(pending()).toBe(1)
    // 10 minutes of activity: the limit counts from the last one.
    advance(10 * minute - 1)
    expect(onIdle).not.toHaveBeenCalled()
    advance(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('counts again after firing once there is activity (after an unlock)', () => {
    const { clock, advance } = fakeClock()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ limitMs: minute, clock, onIdle })
    advance(minute)
    expect(onIdle).toHaveBeenCalledTimes(1)
    timer.activity()
    advance(minute)
    expect(onIdle).toHaveBeenCalledTimes(2)
  })

  it('takes a new limit from the last activity, and 0 never fires', () => {
    const { clock, advance } = fakeClock()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ limitMs: 15 * minute, clock, onIdle })
    advance(4 * minute)
    timer.setLimit(5 * minute)
    advance(minute - 1)
    expect(onIdle).not.toHaveBeenCalled()
    advance(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
    timer.setLimit(0)
    timer.activity()
    advance(24 * 60 * minute)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('fires at once when the new limit is already over', () => {
    const { clock, advance } = fakeClock()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ limitMs: 15 * minute, clock, onIdle })
    advance(6 * minute)
    timer.setLimit(5 * minute)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('never fires after stop', () => {
    const { clock, advance, pending } = fakeClock()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ limitMs: minute, clock, onIdle })
    timer.stop()
    timer.activity()
    advance(10 * minute)
    expect(onIdle).not.toHaveBeenCalled()
    expect(pending()).toBe(0)
  })
})
