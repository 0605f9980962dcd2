import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import type { ErrorCode } from '../../shared/errors'
import { errorCodeOf } from '../components/error-text'
import { sessionQueryKey } from './session'

/** Failures worth a second try: the network or the server hiccuped. The rest will not change by retrying. */
const transientCodes: readonly ErrorCode[] = ['UNREACHABLE', 'SERVER']

/**
 * The app's query client. `onUnauthorized` runs whenever any query or mutation fails with
 * UNAUTHORIZED (the portal session expired), wherever it happened. PASSWORD_CHANGE_REQUIRED (a
 * temporary password was set meanwhile) reads the session again: main now says so, and the shell
 * shows the "choose a new password" screen.
 */
export function createAppQueryClient(onUnauthorized: (queryClient: QueryClient) => void): QueryClient {
  const notice = (error: unknown) => {
    const code = errorCodeOf(error)
    if (code === 'UNAUTHORIZED') onUnauthorized(queryClient)
    if (code === 'PASSWORD_CHANGE_REQUIRED') void queryClient.invalidateQueries({ queryKey: sessionQueryKey })
  }
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: notice }),
    mutationCache: new MutationCache({ onError: notice }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 1 && transientCodes.includes(errorCodeOf(error)),
        staleTime: 30_000,
        // A desktop window regains focus all the time; reloading the grid each time would lose the place.
        refetchOnWindowFocus: false
      },
      mutations: { retry: false }
    }
  })
  return queryClient
}
