import { useEffect } from 'react'
import { useBlocker, type Blocker } from 'react-router'

interface Place {
  pathname: string
}

/**
 * Whether a navigation leaves the form while it holds unsaved changes. Every other route counts,
 * the user page's other tabs too (they replace the General tab); staying on the same path (a
 * search parameter changing) does not.
 */
export function leavesWithUnsavedChanges(dirty: boolean, current: Place, next: Place): boolean {
  return dirty && current.pathname !== next.pathname
}

/** Ctrl+S, or ⌘S on a Mac, without other modifiers. */
export function isSaveShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's'
}

/**
 * Guards unsaved changes: in-app navigation (links, Back, tabs) is held by the router's blocker
 * for the form to ask "Discard changes?"; closing or reloading the window gets the browser's own
 * question through `beforeunload`.
 */
export function useUnsavedChangesGuard(dirty: boolean): Blocker {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => leavesWithUnsavedChanges(dirty, currentLocation, nextLocation))
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older Chromium (and so Electron) shows the prompt only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  // Saved or discarded while a navigation waited: nothing is lost any more, let it through.
  useEffect(() => {
    if (!dirty && blocker.state === 'blocked') blocker.proceed()
  }, [dirty, blocker])
  return blocker
}
