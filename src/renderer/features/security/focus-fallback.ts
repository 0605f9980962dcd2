import { createContext, useContext } from 'react'

/**
 * Where focus goes when the button that opened a dialog is gone or disabled once the action is done
 * (a revoked row leaves the table, Disable becomes unavailable): the section's heading, so that a
 * keyboard user stays where they were instead of falling back to the top of the page.
 */
export type FocusFallback = (trigger: HTMLElement | null) => void

export const FocusFallbackContext = createContext<FocusFallback>(() => undefined)

export function useFocusFallback(): FocusFallback {
  return useContext(FocusFallbackContext)
}

/** How long antd's dialog takes to close and hand focus back, and how often we look meanwhile. */
const checkEveryMs = 100
const giveUpAfterMs = 1500

/**
 * Once the dialog has closed: when focus did not come back to a usable trigger (it is detached,
 * disabled, or focus sits on the page body), focus `heading` instead. Stops looking as soon as the
 * section itself is gone (the operator went to another page), since there is nothing left to focus.
 */
export function restoreFocusWhenLost(trigger: HTMLElement | null, heading: HTMLElement | null): void {
  let waited = 0
  const check = () => {
    if (heading === null || !heading.isConnected) return
    waited += checkEveryMs
    const active = heading.ownerDocument.activeElement
    const dialogStillOpen = active instanceof HTMLElement && active.closest('.ant-modal-wrap, .ant-modal') !== null
    if (dialogStillOpen && waited < giveUpAfterMs) {
      window.setTimeout(check, checkEveryMs)
      return
    }
    const lost = active === null || active === heading.ownerDocument.body
    const triggerUnusable = trigger === null || !trigger.isConnected || (trigger as HTMLButtonElement).disabled
    if (lost && triggerUnusable) heading.focus()
    else if (lost && waited < giveUpAfterMs) window.setTimeout(check, checkEveryMs)
  }
  window.setTimeout(check, checkEveryMs)
}
