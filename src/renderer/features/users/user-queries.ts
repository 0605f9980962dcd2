import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { UserListPage } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { abortable } from './abortable'
import { userQueryKeys, type UserListParams } from './user-query-keys'

/** Rows per request: a few screens' worth, well under the API's limit of 200. */
export const userPageSize = 100

/**
 * The users grid's data: keyset pages fetched as the grid scrolls. Each filter/search/sort is its own
 * cache entry, so switching back is instant; while a new one loads, the previous rows stay visible
 * (marked as placeholder) instead of the grid flashing empty.
 */
export function useUserList(params: UserListParams) {
  const desk = useDeskClient()
  return useInfiniteQuery({
    queryKey: userQueryKeys.list(params),
    queryFn: ({ pageParam, signal }): Promise<UserListPage> =>
      abortable(
        desk.users.list({
          kind: params.kind,
          sort: params.sort,
          limit: userPageSize,
          ...(params.q ? { q: params.q } : {}),
          ...(pageParam ? { cursor: pageParam } : {})
        }),
        signal
      ),
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
