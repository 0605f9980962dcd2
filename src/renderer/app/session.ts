import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { DeskClient } from '../../shared/ipc/desk-api'
import type { SessionState } from '../../shared/session'
import type { DeskSignInRequest } from '../../shared/auth'
import type { NewRemoteConnection } from '../../shared/connections'
import { userQueryKeys } from '../features/users/user-query-keys'
import { useDeskClient } from './desk-client'
import type { StoreApi } from 'zustand'
import type { SessionNotice } from '../stores/session-notice'

export const sessionQueryKey = ['session'] as const

/** The session as main sees it. While the embedded portal starts, it is polled until it settles. */
export function useSession() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => keepFirstRunNotice(queryClient.getQueryData<SessionState>(sessionQueryKey), await desk.session.state()),
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.localPortal.state === 'starting' ? 1000 : false)
  })
}

/**
 * Main hands the first-run password out in one SessionState only; the desk keeps it on screen until the
 * operator dismisses it, and drops it once someone other than the local administrator signs in.
 */
export function keepFirstRunNotice(previous: SessionState | undefined, next: SessionState): SessionState {
  const kept = previous?.firstRunNotice ?? null
  if (next.firstRunNotice !== null || kept === null) return next
  const forSomeoneElse = next.operator !== null && next.operator.login !== kept.login
  return forSomeoneElse ? next : { ...next, firstRunNotice: kept }
}

/** Stores a fresh SessionState; a change of operator or portal drops every cached user. */
function storeSession(queryClient: QueryClient, next: SessionState, { dismissed = false } = {}): void {
  const previous = queryClient.getQueryData<SessionState>(sessionQueryKey)
  const sameSession =
    previous?.operator?.id === next.operator?.id && previous?.activeConnectionId === next.activeConnectionId && next.operator !== null
  if (!sameSession) queryClient.removeQueries({ queryKey: userQueryKeys.all })
  queryClient.setQueryData(sessionQueryKey, dismissed ? { ...next, firstRunNotice: null } : keepFirstRunNotice(previous, next))
}

export function useSignIn() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: DeskSignInRequest) => desk.session.signIn(credentials),
    onSuccess: (state) => storeSession(queryClient, state)
  })
}

export function useSignOut() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => desk.session.signOut(),
    onSuccess: (state) => storeSession(queryClient, state)
  })
}

export function useDismissNotice() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => desk.session.dismissNotice(),
    onSuccess: (state) => storeSession(queryClient, state, { dismissed: true })
  })
}

export function useSelectConnection() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => desk.connections.select({ id }),
    onSuccess: (state) => storeSession(queryClient, state)
  })
}

export function useRemoveConnection() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => desk.connections.remove({ id }),
    onSuccess: (state) => storeSession(queryClient, state)
  })
}

/** Adds a remote portal and makes it the active one, ready for signing in. */
export function useAddConnection() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (connection: NewRemoteConnection) => {
      const profile = await desk.connections.add(connection)
      return desk.connections.select({ id: profile.id })
    },
    onSuccess: (state) => storeSession(queryClient, state)
  })
}

/**
 * Ends a session the portal no longer accepts: main forgets the token, the shell falls back to the
 * sign-in screen and says why. Several calls failing at once end it only once.
 */
export function endExpiredSession(desk: DeskClient, notices: StoreApi<SessionNotice>) {
  let ending = false
  return async (queryClient: QueryClient): Promise<void> => {
    const current = queryClient.getQueryData<SessionState>(sessionQueryKey)
    if (ending || !current?.operator) return
    ending = true
    notices.getState().show('sessionExpired')
    try {
      storeSession(queryClient, await desk.session.signOut())
    } catch {
      // Main could not say goodbye to the portal; the token is worthless anyway, so sign out locally.
      storeSession(queryClient, { ...current, operator: null })
    } finally {
      ending = false
    }
  }
}

/** The signed-in operator (null while signed out): what the desk offers follows their role. */
export function useOperator() {
  return useSession().data?.operator ?? null
}
