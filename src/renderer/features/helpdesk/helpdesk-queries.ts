import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { PersonMatch } from '../../../shared/helpdesk'
import { useDeskClient } from '../../app/desk-client'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { abortable } from '../users/abortable'
import { userQueryKeys } from '../users/user-query-keys'

/** Under `['users']`, so that a sign-out or a portal change drops them with every users query. */
export const helpdeskQueryKeys = {
  people: (q: string) => [...userQueryKeys.all, 'helpdesk-people', q] as const
}

/** How long typing must pause before a search goes out. */
export const personSearchDebounceMs = 150

/**
 * People matching what the agent types, as they type. A superseded search is aborted through the
 * query's `signal` (its late answer is dropped); the previous results stay on screen meanwhile.
 * While not `enabled` nothing is asked and nothing shown, at once rather than after the debounce.
 */
export function usePeopleSearch(text: string, enabled = true) {
  const desk = useDeskClient()
  const q = useDebouncedValue(text.trim(), personSearchDebounceMs)
  const query = useQuery({
    queryKey: helpdeskQueryKeys.people(q),
    queryFn: ({ signal }) => abortable(desk.helpdesk.findPeople({ q, limit: 10 }), signal),
    enabled: enabled && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000
  })
  const people: PersonMatch[] = enabled && q.length > 0 ? (query.data?.items ?? []) : []
  return { q, people, query, settled: q === text.trim() && !query.isFetching }
}
