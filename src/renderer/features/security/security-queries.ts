import { useQuery } from '@tanstack/react-query'
import { useDeskClient } from '../../app/desk-client'
import { errorCodeOf } from '../../components/error-text'
import { abortable } from '../users/abortable'
import { securityQueryKeys } from './security-query-keys'

/**
 * A refusal is an answer, not a fault: support agents may not read an internal user's security
 * lists, and asking again will not change that.
 */
function retryUnlessForbidden(failures: number, error: unknown): boolean {
  return errorCodeOf(error) !== 'FORBIDDEN' && failures < 2
}

/** The user's latest reset or invitation link (never the token): sent, expires, status. */
export function useResetLink(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: securityQueryKeys.resetLink(id),
    queryFn: ({ signal }) => abortable(desk.security.resetLink({ id }), signal),
    retry: retryUnlessForbidden
  })
}

export function usePasskeys(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: securityQueryKeys.passkeys(id),
    queryFn: ({ signal }) => abortable(desk.security.passkeys({ id }), signal),
    retry: retryUnlessForbidden
  })
}

/** The sessions still in force, newest first. */
export function useSessions(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: securityQueryKeys.sessions(id),
    queryFn: ({ signal }) => abortable(desk.security.sessions({ id }), signal),
    retry: retryUnlessForbidden
  })
}

export function useApiKeys(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: securityQueryKeys.apiKeys(id),
    queryFn: ({ signal }) => abortable(desk.security.apiKeys({ id }), signal),
    retry: retryUnlessForbidden
  })
}
