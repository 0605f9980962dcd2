/** Where services read the time, so that tests can move it instead of sleeping. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that only moves when told to; used by tests and the benchmark. */
export class ManualClock implements Clock {
  private current: number

  constructor(start: Date | string = '2026-01-15T09:00:00.000Z') {
    this.current = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  advance(ms: number): void {
    this.current += ms
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime()
  }
}
