import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useDeskClient } from '../../app/desk-client'
import { abortable } from '../users/abortable'
import { userQueryKeys } from '../users/user-query-keys'

/**
 * The choices of the company and website filters. Kept under `['users']` so that they are dropped
 * with the grid when the operator or the portal changes (another portal, other companies).
 */
const filterOptionKeys = {
  companies: (q: string) => [...userQueryKeys.all, 'filter-options', 'companies', q] as const,
  websites: () => [...userQueryKeys.all, 'filter-options', 'websites'] as const
}

/** Companies whose name or VAT matches `q` (the first 50 by name): the server searches, not the list. */
export function useCompanyOptions(q: string, enabled: boolean) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: filterOptionKeys.companies(q),
    queryFn: ({ signal }) => abortable(desk.companies.list({ limit: 50, ...(q ? { q } : {}) }), signal),
    enabled,
    placeholderData: keepPreviousData
  })
}

/** Every portal website (a short list); the select searches it as the operator types. */
export function useWebsiteOptions(enabled: boolean) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: filterOptionKeys.websites(),
    queryFn: ({ signal }) => abortable(desk.websites.list(), signal),
    enabled
  })
}
