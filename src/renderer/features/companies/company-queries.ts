import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { CompanyPage } from '../../../shared/companies'
import { useDeskClient } from '../../app/desk-client'
import { abortable } from '../users/abortable'
import { userQueryKeys } from '../users/user-query-keys'

/** Companies shown per request of the companies list. */
export const companyPageSize = 50

/**
 * Company and website queries hang under `['users']` like every query about the portal's people, so
 * that signing out or switching portals drops them too (session.ts removes `userQueryKeys.all`).
 */
export const companyQueryKeys = {
  all: [...userQueryKeys.all, 'companies'] as const,
  lists: () => [...companyQueryKeys.all, 'list'] as const,
  list: (q: string) => [...companyQueryKeys.lists(), q] as const,
  details: () => [...companyQueryKeys.all, 'detail'] as const,
  detail: (id: number) => [...companyQueryKeys.details(), id] as const,
  /** The first companies matching `q`, for a picker (a plain query, not the list's pages). */
  options: (q: string) => [...companyQueryKeys.all, 'options', q] as const,
  websites: () => [...userQueryKeys.all, 'websites'] as const
}

/** The companies matching `q` (name or VAT), by name, in keyset pages. */
export function useCompanyList(q: string) {
  const desk = useDeskClient()
  return useInfiniteQuery({
    queryKey: companyQueryKeys.list(q),
    queryFn: ({ pageParam, signal }): Promise<CompanyPage> =>
      abortable(desk.companies.list({ limit: companyPageSize, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData
  })
}

export function useCompanyDetail(id: number | null) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: companyQueryKeys.detail(id ?? 0),
    queryFn: ({ signal }) => abortable(desk.companies.get({ id: id ?? 0 }), signal),
    enabled: id !== null
  })
}

/** How many companies a picker offers per search: type more to narrow it down. */
export const companyOptionsShown = 50

/**
 * The first companies whose name or VAT matches `q`, for the pickers (form, filter, new user): the
 * server searches, asked only once the picker is opened or searched when `enabled` says so.
 */
export function useCompanyOptions(q: string, enabled = true) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: companyQueryKeys.options(q),
    queryFn: ({ signal }) => abortable(desk.companies.list({ limit: companyOptionsShown, ...(q ? { q } : {}) }), signal),
    enabled,
    placeholderData: keepPreviousData
  })
}

/** Every portal website (a handful): pickers filter them as the operator types or by company. */
export function useWebsites(enabled = true) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: companyQueryKeys.websites(),
    queryFn: ({ signal }) => abortable(desk.websites.list(), signal),
    enabled,
    staleTime: 60_000
  })
}

/**
 * What shows a user whose record an action changed: the grids' lists, the companies (the users
 * subtab and the user counts) and every query about that one user (detail, Security-tab lists,
 * activity), which all hang under `['users', <what>, id, …]`.
 */
export function refreshAfterUserChange(queryClient: QueryClient, userId: number | null): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: userQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: companyQueryKeys.all }),
    userId === null
      ? Promise.resolve()
      : queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] === userQueryKeys.all[0] && query.queryKey[1] !== 'list' && query.queryKey[2] === userId
        })
  ])
}

export function useRefreshAfterUserChange() {
  const queryClient = useQueryClient()
  return useCallback((userId: number | null) => refreshAfterUserChange(queryClient, userId), [queryClient])
}
