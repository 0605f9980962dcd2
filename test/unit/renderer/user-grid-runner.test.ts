import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { runBulk, type BulkProgress } from '../../../src/renderer/features/user-grid/bulk/bulk-runner'

/** A call whose answers the test releases one by one, to look at the run in between. */
function controlledCalls() {
  const pending = new Map<number, { resolve: (value: string) => void; reject: (error: unknown) => void }>()
  const started: number[] = []
  let inFlight = 0
  let maxInFlight = 0
  const call = (id: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(id)
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      const settle = () => (inFlight -= 1)
      pending.set(id, {
        resolve: (value) => (settle(), resolve(value)),
        reject: (error) => (settle(), reject(error))
      })
    })
  return { call, pending, started, maxInFlight: () => maxInFlight }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('runBulk', () => {
  it('calls each user once, at most `concurrency` at a time, and reports in the targets\' order', async () => {
    const targets = Array.from({ length: 10 }, (_, i) => i + 1)
    const progress: BulkProgress[] = []
    const seen: number[] = []
    const report = await runBulk({
      targets,
      skipReason: () => null,
      call: async (id) => {
        seen.push(id)
        await tick()
        return `ok ${id}`
      },
      signal: new AbortController().signal,
      concurrency: 3,
      onProgress: (p) => progress.push(p)
    })
    expect(seen.sort((a, b) => a - b)).toEqual(targets)
    expect(report.entries.map((entry) => entry.target)).toEqual(targets)
    expect(report.entries[4]?.outcome).toEqual({ status: 'done', result: 'ok 5' })
    expect(report.counts).toEqual({ done: 10, skipped: 0, failed: 0, notStarted: 0 })
    expect(report.cancelled).toBe(false)
    expect(progress.at(-1)).toEqual({ finished: 10, total: 10 })
    expect(progress.map((p) => p.finished)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('never runs more than four calls at once, whatever it is asked', async () => {
    const calls = controlledCalls()
    const run = runBulk({ targets: [1, 2, 3, 4, 5, 6, 7, 8], skipReason: () => null, call: calls.call, signal: new AbortController().signal, concurrency: 50 })
    await tick()
    expect(calls.started).toEqual([1, 2, 3, 4])
    for (let id = 1; id <= 8; id++) {
      await tick()
      calls.pending.get(id)?.resolve('ok')
    }
    await run
    expect(calls.maxInFlight()).toBe(4)
  })

  it('skips without calling, and records failures as results with their error', async () => {
    const refusal = new DeskError('VALIDATION', 'archived', [{ path: 'active', message: 'archived' }])
    const called: number[] = []
    const report = await runBulk({
      targets: [1, 2, 3, 4],
      skipReason: (id) => (id === 2 ? 'noEmail' : null),
      call: (id) => {
        called.push(id)
        return id === 3 ? Promise.reject(refusal) : Promise.resolve(id)
      },
      signal: new AbortController().signal,
      concurrency: 1
    })
    expect(called).toEqual([1, 3, 4])
    expect(report.entries.map((entry) => entry.outcome.status)).toEqual(['done', 'skipped', 'failed', 'done'])
    expect(report.entries[1]?.outcome).toEqual({ status: 'skipped', reason: 'noEmail' })
    expect(report.entries[2]?.outcome).toEqual({ status: 'failed', error: refusal })
    expect(report.counts).toEqual({ done: 2, skipped: 1, failed: 1, notStarted: 0 })
  })

  it('stops issuing calls when cancelled: the calls in flight finish, the rest are not started', async () => {
    const calls = controlledCalls()
    const controller = new AbortController()
    const run = runBulk({ targets: [1, 2, 3, 4, 5, 6], skipReason: () => null, call: calls.call, signal: controller.signal, concurrency: 2 })
    await tick()
    calls.pending.get(1)?.resolve('one')
    await tick()
    expect(calls.started).toEqual([1, 2, 3])

    controller.abort()
    calls.pending.get(2)?.resolve('two')
    calls.pending.get(3)?.reject(new DeskError('NOT_FOUND'))
    const report = await run

    expect(calls.started).toEqual([1, 2, 3])
    expect(report.entries.map((entry) => entry.outcome.status)).toEqual(['done', 'done', 'failed', 'notStarted', 'notStarted', 'notStarted'])
    expect(report.counts).toEqual({ done: 2, skipped: 0, failed: 1, notStarted: 3 })
    expect(report.cancelled).toBe(true)
  })

  it('stops by itself after a fatal failure (the session ended) and says why', async () => {
    const ended = new DeskError('UNAUTHORIZED')
    const report = await runBulk({
      targets: [1, 2, 3, 4],
      skipReason: () => null,
      call: (id) => (id === 2 ? Promise.reject(ended) : Promise.resolve(id)),
      signal: new AbortController().signal,
      concurrency: 1,
      isFatal: (error) => error === ended
    })
    expect(report.entries.map((entry) => entry.outcome.status)).toEqual(['done', 'failed', 'notStarted', 'notStarted'])
    expect(report.stoppedBy).toBe(ended)
    expect(report.cancelled).toBe(false)
  })

  it('handles an empty selection and one already cancelled', async () => {
    const empty = await runBulk({ targets: [], skipReason: () => null, call: () => Promise.resolve(1), signal: new AbortController().signal })
    expect(empty.counts).toEqual({ done: 0, skipped: 0, failed: 0, notStarted: 0 })
    const controller = new AbortController()
    controller.abort()
    const none = await runBulk({ targets: [1, 2], skipReason: () => null, call: () => Promise.resolve(1), signal: controller.signal })
    expect(none.counts.notStarted).toBe(2)
    expect(none.cancelled).toBe(true)
  })
})
