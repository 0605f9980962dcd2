import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { UserListPage, UserListQuery } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { abortable } from './abortable'
import { userQueryKeys, type UserListParams } from './user-query-keys'

/** The `users:list` query of the grid's params, without page size or cursor (export and select-all page it themselves). */
export function userListQueryOf(params: UserListParams): UserListQuery {
  return { kind: params.kind, sort: params.sort, ...params.filters, ...(params.q ? { q: params.q } : {}) }
}

/**
 * The users grid's data: keyset pages fetched as the grid scrolls. Each filter/search/sort is its own
 * cache entry, so switching back is instant; while a new one loads, the previous rows stay visible
 * (marked as placeholder) instead of the grid flashing empty.
 */
export function useUserList(params: UserListParams, options: { enabled: boolean } = { enabled: true }) {
  const desk = useDeskClient()
  return useInfiniteQuery({
    queryKey: userQueryKeys.list(params),
    queryFn: ({ pageParam, signal }): Promise<UserListPage> =>
      abortable(desk.users.list({ ...userListQueryOf(params), limit: params.pageSize, ...(pageParam ? { cursor: pageParam } : {}) }), signal),
    enabled: options.enabled,
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData
  })
}

export function useUserDetail(id: number | null) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: userQueryKeys.detail(id ?? 0),
    queryFn: ({ signal }) => abortable(desk.users.get({ id: id ?? 0 }), signal),
    enabled: id !== null
  })
}
