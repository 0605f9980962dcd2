import { deskLinkMaxLength, deskLinkScheme, parseDeskLink } from '../../shared/deep-links'
import type { DeepLinkDelivery } from '../../shared/ipc/desk-events'

export interface DeepLinkInboxOptions {
  /** Names of the operator's connections, read when a link is parsed (a link may only name one of them). */
  connectionNames(): readonly string[]
  /** Sends the parsed link, or its refusal, to the renderer (and brings the window forward). */
  deliver(delivery: DeepLinkDelivery): void
}

export interface DeepLinkInbox {
  /** A link from macOS's `open-url`. */
  receiveUrl(url: string): void
  /** A launch's command line (the first launch's own, or a second instance's on Windows and Linux). */
  receiveArgv(argv: readonly string[]): void
  /** The renderer can take links now: the one that arrived before (the latest only) is delivered. */
  open(): void
}

const schemePrefix = `${deskLinkScheme}:`

/**
 * The link on a command line: the last argument in the desk's scheme. Chromium may add switches of its
 * own around it, and nothing else on a command line is ever read as a link.
 */
export function linkInArgv(argv: readonly string[]): string | null {
  for (let index = argv.length - 1; index >= 0; index--) {
    const argument = argv[index] ?? ''
    if (argument.slice(0, schemePrefix.length).toLowerCase() === schemePrefix) return argument
  }
  return null
}

/**
 * Where `portaldesk://` links arrive in main. They are parsed with the shared parser only when the
 * renderer can take them (the connections are known then); until that, the latest link waits.
 */
export function createDeepLinkInbox(options: DeepLinkInboxOptions): DeepLinkInbox {
  let waiting: string | null = null
  let isOpen = false

  const handle = (url: string): void => {
    // Never hold on to more than a link may be long: one character over is enough to refuse it.
    const kept = url.slice(0, deskLinkMaxLength + 1)
    if (!isOpen) {
      waiting = kept
      return
    }
    const parsed = parseDeskLink(kept, options.connectionNames())
    options.deliver(parsed.ok ? { ok: true, link: parsed.value } : { ok: false, reason: parsed.reason })
  }

  return {
    receiveUrl: handle,
    receiveArgv: (argv) => {
      const link = linkInArgv(argv)
      if (link !== null) handle(link)
    },
    open: () => {
      isOpen = true
      const link = waiting
      waiting = null
      if (link !== null) handle(link)
    }
  }
}
