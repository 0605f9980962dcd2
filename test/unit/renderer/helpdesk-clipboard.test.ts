import { describe, expect, it } from 'vitest'
import { clipboardClearDelayMs, clipboardClearing, type SecretClipboard, type Timer } from '../../../src/renderer/features/helpdesk/clipboard-clearing'

/** A clipboard in memory, which can refuse to be read back like a browser without the permission. */
function memoryClipboard(options: { readable?: boolean } = {}) {
  const state = { text: 'earlier', writes: [] as string[] }
  const clipboard: SecretClipboard = {
    writeText: (text) => {
      state.text = text
      state.writes.push(text)
      return Promise.resolve()
    },
    readText: () => (options.readable === false ? Promise.reject(new Error('NotAllowedError')) : Promise.resolve(state.text))
  }
  return { clipboard, state }
}

/** Time under the test's control: `advance` runs what is due. */
function manualTimer() {
  let now = 0
  let nextHandle = 1
  const due = new Map<number, { at: number; run: () => void }>()
  const timer: Timer = {
    set: (run, delayMs) => {
      const handle = nextHandle++
      due.set(handle, { at: now + delayMs, run })
      return handle
    },
    clear: (handle) => void due.delete(handle as number)
  }
  const advance = async (ms: number) => {
    now += ms
    for (const [handle, entry] of [...due]) {
      if (entry.at <= now) {
        due.delete(handle)
        entry.run()
      }
    }
    // Let the read-back and the write settle.
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }
  return { timer, advance, scheduled: () => due.size }
}

describe('the temporary password in the clipboard', () => {
  it('is cleared 30 seconds after copying, not before', async () => {
    const { clipboard, state } = memoryClipboard()
    const { timer, advance } = manualTimer()
    const clearing = clipboardClearing(clipboard, timer)
    await clearing.copy('Temp-Secret-1')
    expect(state.text).toBe('Temp-Secret-1')
    expect(clearing.pending).toBe(true)

    await advance(clipboardClearDelayMs - 1)
    expect(state.text).toBe('Temp-Secret-1')
    await advance(1)
    expect(state.text).toBe('')
    expect(clearing.pending).toBe(false)
  })

  it('leaves alone what the agent copied since', async () => {
    const { clipboard, state } = memoryClipboard()
    const { timer, advance } = manualTimer()
    await clipboardClearing(clipboard, timer).copy('Temp-Secret-1')
    state.text = 'HD-1234 summary'
    await advance(clipboardClearDelayMs)
    expect(state.text).toBe('HD-1234 summary')
    expect(state.writes).toEqual(['Temp-Secret-1'])
  })

  it('clears anyway when the clipboard cannot be read back', async () => {
    const { clipboard, state } = memoryClipboard({ readable: false })
    const { timer, advance } = manualTimer()
    await clipboardClearing(clipboard, timer).copy('Temp-Secret-1')
    await advance(clipboardClearDelayMs)
    expect(state.text).toBe('')
  })

  it('copying again restarts the 30 seconds, with one timer only', async () => {
    const { clipboard, state } = memoryClipboard()
    const { timer, advance, scheduled } = manualTimer()
    const clearing = clipboardClearing(clipboard, timer)
    await clearing.copy('Temp-Secret-1')
    await advance(20_000)
    await clearing.copy('Temp-Secret-1')
    expect(scheduled()).toBe(1)
    await advance(20_000)
    expect(state.text).toBe('Temp-Secret-1')
    await advance(10_000)
    expect(state.text).toBe('')
  })

  it('says so when the clipboard refuses the copy, and schedules nothing', async () => {
    const { timer, scheduled } = manualTimer()
    const refusing: SecretClipboard = { writeText: () => Promise.reject(new Error('denied')), readText: () => Promise.resolve('') }
    await expect(clipboardClearing(refusing, timer).copy('Temp-Secret-1')).rejects.toThrow('denied')
    expect(scheduled()).toBe(0)
  })
})
