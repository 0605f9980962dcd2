import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useDeskClient } from '../../app/desk-client'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { abortable } from '../users/abortable'
import { userQueryKeys } from '../users/user-query-keys'

export const paletteUserLimit = 8

/** Users whose email, login or name contain the text, as the palette's jump targets (stale searches aborted). */
export function usePaletteUsers(text: string, enabled: boolean) {
  const desk = useDeskClient()
  const q = useDebouncedValue(text.trim(), 150)
  const query = useQuery({
    queryKey: [...userQueryKeys.all, 'palette', q] as const,
    queryFn: ({ signal }) => abortable(desk.users.list({ kind: 'all', q, limit: paletteUserLimit }), signal),
    enabled: enabled && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000
  })
  const settled = q === text.trim() && !query.isFetching
  return { q, users: q.length > 0 ? (query.data?.items ?? []) : [], query, settled }
}
