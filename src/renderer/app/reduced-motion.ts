import { useSyncExternalStore } from 'react'

const reduceQuery = '(prefers-reduced-motion: reduce)'

function query(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(reduceQuery) : null
}

function subscribe(onChange: () => void): () => void {
  const list = query()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

/**
 * Whether the operator asked the system for less motion (an accessibility setting); followed live, so
 * that turning it on stops the desk's animations without a reload.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false)
}
