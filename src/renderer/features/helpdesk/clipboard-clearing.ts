/** The clipboard as far as a copied secret is concerned (navigator.clipboard in the desk). */
export interface SecretClipboard {
  writeText(text: string): Promise<void>
  readText(): Promise<string>
}

/** A one-shot timer, injected so that tests drive time themselves. */
export interface Timer {
  set(run: () => void, delayMs: number): unknown
  clear(handle: unknown): void
}

export const clipboardClearDelayMs = 30_000

export const browserTimer: Timer = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/**
 * Copies a secret (a temporary password) and empties the clipboard `delayMs` later, but only if it
 * still holds that secret: whatever the agent copied since is theirs and stays. When the clipboard
 * cannot be read back (permission refused), it is cleared anyway, as leaving a password behind is
 * the worse outcome.
 */
export function clipboardClearing(clipboard: SecretClipboard, timer: Timer = browserTimer, delayMs = clipboardClearDelayMs) {
  let pending: unknown = null

  const clearIfStill = async (secret: string) => {
    pending = null
    let current: string | null
    try {
      current = await clipboard.readText()
    } catch {
      current = null
    }
    if (current === null || current === secret) await clipboard.writeText('').catch(() => undefined)
  }

  return {
    /** Copies `secret`; rejects when the clipboard refuses (the caller says so in words). */
    async copy(secret: string): Promise<void> {
      await clipboard.writeText(secret)
      if (pending !== null) timer.clear(pending)
      pending = timer.set(() => void clearIfStill(secret), delayMs)
    },
    /** Whether a clear is still due. */
    get pending(): boolean {
      return pending !== null
    }
  }
}
