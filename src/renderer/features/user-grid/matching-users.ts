import type { UserListItem, UserListPage, UserListQuery } from '../../../shared/users'
import { userListLimit } from '../../../shared/users'

export type ListUsers = (query: UserListQuery) => Promise<UserListPage>

/** Thrown when the operator cancelled; callers tell it from a real failure with `isAbort`. */
export function abortError(): DOMException {
  return new DOMException('Cancelled by the operator.', 'AbortError')
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/**
 * Every user matching `query`, page by page at the API's largest page (200), handing each page to
 * `onPage` as it arrives so that the caller can stream it (export) or count it (select all). Stops
 * between pages when `signal` is aborted, by throwing an AbortError.
 */
export async function forEachMatchingPage(
  listUsers: ListUsers,
  query: Omit<UserListQuery, 'limit' | 'cursor'>,
  signal: AbortSignal,
  onPage: (items: UserListItem[], page: UserListPage) => void
): Promise<void> {
  let cursor: string | null = null
  do {
    if (signal.aborted) throw abortError()
    const page: UserListPage = await listUsers({ ...query, limit: userListLimit.max, ...(cursor ? { cursor } : {}) })
    if (signal.aborted) throw abortError()
    onPage(page.items, page)
    cursor = page.nextCursor
  } while (cursor !== null)
}

/** The whole matching set, in the grid's order. */
export async function fetchMatchingUsers(
  listUsers: ListUsers,
  query: Omit<UserListQuery, 'limit' | 'cursor'>,
  signal: AbortSignal,
  onProgress?: (loaded: number) => void
): Promise<UserListItem[]> {
  const users: UserListItem[] = []
  await forEachMatchingPage(listUsers, query, signal, (items) => {
    users.push(...items)
    onProgress?.(users.length)
  })
  return users
}
