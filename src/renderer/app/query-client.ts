import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import type { ErrorCode } from '../../shared/errors'
import { errorCodeOf } from '../components/error-text'

/** Failures worth a second try: the network or the server hiccuped. The rest will not change by retrying. */
const transientCodes: readonly ErrorCode[] = ['UNREACHABLE', 'SERVER']

/**
 * The app's query client. `onUnauthorized` runs whenever any query or mutation fails with
 * UNAUTHORIZED (the portal session expired), wherever it happened.
 */
export function createAppQueryClient(onUnauthorized: (queryClient: QueryClient) => void): QueryClient {
  const notice = (error: unknown) => {
    if (errorCodeOf(error) === 'UNAUTHORIZED') onUnauthorized(queryClient)
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
