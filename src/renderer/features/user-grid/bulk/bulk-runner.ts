/**
 * Runs one operator action over many users, a few calls at a time, and says per user what happened.
 * Pure: it gets the call to make and an AbortSignal, knows nothing of React or IPC, and never throws
 * for a user's failure (that is a result, not an error).
 */

/** Why a user was left out without a call: the action would be pointless for them. */
export type SkipReason = 'noEmail' | 'twoFactorOn' | 'archived' | 'alreadyArchived' | 'ownAccount'

export type BulkOutcome<R> =
  | { status: 'done'; result: R }
  | { status: 'skipped'; reason: SkipReason }
  | { status: 'failed'; error: unknown }
  /** Cancelled, or stopped because continuing could not work (the operator's session ended). */
  | { status: 'notStarted' }

export type BulkStatus = BulkOutcome<unknown>['status']

export interface BulkProgress {
  /** Users whose outcome is known (done, skipped or failed). */
  finished: number
  total: number
}

export interface BulkReport<T, R> {
  /** One entry per target, in the targets' order. */
  entries: { target: T; outcome: BulkOutcome<R> }[]
  counts: Record<BulkStatus, number>
  /** The signal was aborted before every call had been started. */
  cancelled: boolean
  /** The run stopped by itself because a failure made every further call pointless. */
  stoppedBy: unknown
}

export interface BulkRunOptions<T, R> {
  targets: readonly T[]
  /** A reason to skip the user without calling, or null to call. */
  skipReason: (target: T) => SkipReason | null
  call: (target: T) => Promise<R>
  /** Aborting stops new calls; calls already sent finish (an IPC call cannot be taken back). */
  signal: AbortSignal
  /** Calls in flight at once: 1 to 4 (the server does each in its own transaction). */
  concurrency?: number
  /** A failure after which no further call can succeed (such as an ended session): stop there. */
  isFatal?: (error: unknown) => boolean
  onProgress?: (progress: BulkProgress) => void
}

export const maxBulkConcurrency = 4

export async function runBulk<T, R>(options: BulkRunOptions<T, R>): Promise<BulkReport<T, R>> {
  const { targets, signal } = options
  const concurrency = Math.min(maxBulkConcurrency, Math.max(1, Math.floor(options.concurrency ?? 3)))
  const outcomes: BulkOutcome<R>[] = targets.map(() => ({ status: 'notStarted' }))
  let next = 0
  let finished = 0
  let stoppedBy: unknown = undefined
  let stopped = false

  const settle = (index: number, outcome: BulkOutcome<R>) => {
    outcomes[index] = outcome
    finished += 1
    options.onProgress?.({ finished, total: targets.length })
  }

  // Each worker takes the next target until none is left or the run is stopped; skips cost no call.
  const worker = async () => {
    while (next < targets.length && !signal.aborted && !stopped) {
      const index = next++
      const target = targets[index] as T
      const skip = options.skipReason(target)
      if (skip) {
        settle(index, { status: 'skipped', reason: skip })
        continue
      }
      try {
        settle(index, { status: 'done', result: await options.call(target) })
      } catch (error) {
        settle(index, { status: 'failed', error })
        if (options.isFatal?.(error) && !stopped) {
          stopped = true
          stoppedBy = error
        }
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker))

  const entries = targets.map((target, index) => ({ target, outcome: outcomes[index] as BulkOutcome<R> }))
  const counts: Record<BulkStatus, number> = { done: 0, skipped: 0, failed: 0, notStarted: 0 }
  for (const { outcome } of entries) counts[outcome.status] += 1
  return { entries, counts, cancelled: signal.aborted && counts.notStarted > 0, stoppedBy }
}
