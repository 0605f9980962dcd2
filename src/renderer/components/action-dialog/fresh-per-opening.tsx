import { Fragment, useState, type ReactNode } from 'react'

/**
 * Counts a dialog's openings: one more each time it opens, and each time it is pointed at another
 * user while open. Closing keeps the count, so the closing dialog keeps its content for its animation.
 */
export function useOpeningCount(open: boolean, userId: number | undefined): number {
  const [seen, setSeen] = useState({ open, userId, count: 0 })
  if (seen.open !== open || (open && seen.userId !== userId)) {
    // Derived from the props during render (React's "adjust state when a prop changes"): the fresh
    // key applies to this very render, never one render late with the previous user's state.
    const count = open ? seen.count + 1 : seen.count
    setSeen({ open, userId, count })
    return count
  }
  return seen.count
}

/**
 * Mounts `children` afresh for each opening of a dialog (see useOpeningCount): their state, refs and
 * form stores start from the user the dialog was opened for, never from the previous opening.
 */
export function FreshPerOpening({ open, userId, children }: { open: boolean; userId: number | undefined; children: ReactNode }) {
  return <Fragment key={useOpeningCount(open, userId)}>{children}</Fragment>
}
