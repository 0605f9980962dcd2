import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChangeOwnPasswordRequest } from '../../../shared/operator-account'
import { useDeskClient } from '../../app/desk-client'
import { sessionQueryKey } from '../../app/session'

export const accountQueryKeys = {
  all: ['account'] as const,
  account: ['account', 'state'] as const,
  sessions: ['account', 'sessions'] as const
}

export function useOwnAccount() {
  const desk = useDeskClient()
  return useQuery({ queryKey: accountQueryKeys.account, queryFn: () => desk.account.get() })
}

export function useOwnSessions() {
  const desk = useDeskClient()
  // Sessions come and go on other devices: read them afresh whenever the tab opens.
  return useQuery({ queryKey: accountQueryKeys.sessions, queryFn: () => desk.account.sessions(), refetchOnMount: 'always' })
}

export function useChangeOwnPassword() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ChangeOwnPasswordRequest) => desk.account.changePassword(request),
    // Main has read the operator again: a temporary password's restriction is gone, and the desk opens.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountQueryKeys.sessions })
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
    }
  })
}

export function useBeginOwnTwoFactor() {
  const desk = useDeskClient()
  return useMutation({ mutationFn: (password: string) => desk.account.begin2fa({ password }) })
}

/**
 * Turning TOTP on or off changes what the server's policy holds the operator to, so the session (whose
 * operator main has just refreshed) is read again along with the account.
 */
function useTwoFactorChange<I>(call: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountQueryKeys.all })
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
    }
  })
}

export function useConfirmOwnTwoFactor() {
  const desk = useDeskClient()
  return useTwoFactorChange((code: string) => desk.account.confirm2fa({ code }))
}

export function useDisableOwnTwoFactor() {
  const desk = useDeskClient()
  return useTwoFactorChange((password: string) => desk.account.disable2fa({ password }))
}

export function useEndOwnSession() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => desk.account.revokeSession({ sessionId }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountQueryKeys.sessions })
  })
}

export function useEndOtherSessions() {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => desk.account.revokeOtherSessions(),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: accountQueryKeys.sessions })
  })
}
