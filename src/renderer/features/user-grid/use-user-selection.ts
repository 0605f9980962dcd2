import { useCallback, useEffect, useRef, useState } from 'react'
import type { UserListItem, UserListQuery } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { fetchMatchingUsers, isAbort } from './matching-users'

/** The users ticked in the grid, with their rows (a bulk action needs their email, 2FA, state). */
export interface UserSelection {
  users: ReadonlyMap<number, UserListItem>
  /** The whole set matching the filter was selected, and nothing was unticked since. */
  allMatching: boolean
}

const nothingSelected: UserSelection = { users: new Map(), allMatching: false }

export type SelectAllState = { kind: 'idle' } | { kind: 'loading'; loaded: number } | { kind: 'failed'; error: unknown }

/**
 * The grid's multi-select. Another filter, search or kind is another set of users: the selection is
 * dropped then, so an action never reaches users the operator no longer sees. "Select all matching"
 * reads the whole filtered set (200 per request), not just the rows loaded so far.
 */
export function useUserSelection(listKey: string, query: UserListQuery) {
  const desk = useDeskClient()
  const [selection, setSelection] = useState<UserSelection>(nothingSelected)
  const [selectAll, setSelectAll] = useState<SelectAllState>({ kind: 'idle' })
  const [selectionKey, setSelectionKey] = useState(listKey)
  const running = useRef<AbortController | null>(null)

  if (selectionKey !== listKey) {
    setSelectionKey(listKey)
    setSelection(nothingSelected)
    setSelectAll({ kind: 'idle' })
  }
  // The list changed under a running "select all", or the page is left: its answer no longer applies.
  useEffect(() => () => running.current?.abort(), [listKey])

  /** From the grid's checkboxes: the new keys, with the rows the grid knows (loaded or remembered). */
  const setKeys = useCallback((keys: readonly number[], known: (id: number) => UserListItem | undefined) => {
    setSelection((current) => {
      const users = new Map<number, UserListItem>()
      for (const id of keys) {
        const user = current.users.get(id) ?? known(id)
        if (user) users.set(id, user)
      }
      return { users, allMatching: current.allMatching && users.size === current.users.size }
    })
  }, [])

  const selectAllMatching = useCallback(async () => {
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setSelectAll({ kind: 'loading', loaded: 0 })
    try {
      const users = await fetchMatchingUsers((q) => desk.users.list(q), query, controller.signal, (loaded) => {
        if (!controller.signal.aborted) setSelectAll({ kind: 'loading', loaded })
      })
      if (controller.signal.aborted) return
      setSelection({ users: new Map(users.map((user) => [user.id, user])), allMatching: true })
      setSelectAll({ kind: 'idle' })
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return
      setSelectAll({ kind: 'failed', error })
    } finally {
      if (running.current === controller) running.current = null
    }
  }, [desk, query])

  const cancelSelectAll = useCallback(() => {
    running.current?.abort()
    setSelectAll({ kind: 'idle' })
  }, [])

  const clear = useCallback(() => {
    running.current?.abort()
    setSelection(nothingSelected)
    setSelectAll({ kind: 'idle' })
  }, [])

  return { selection, selectAll, setKeys, selectAllMatching, cancelSelectAll, clear }
}
