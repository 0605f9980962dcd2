import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { AuditPage } from '../../../shared/audit'
import { useDeskClient } from '../../app/desk-client'
import { errorCodeOf } from '../../components/error-text'
import { abortable } from './abortable'
import { userQueryKeys } from './user-query-keys'

/** Audit entries per request; "Show more" asks for the next page. */
export const auditPageSize = 50

/**
 * A refusal is an answer, not a fault: support agents may not see an internal user's security lists,
 * and asking again will not change that, so a FORBIDDEN is not retried.
 */
function retryUnlessForbidden(failures: number, error: unknown): boolean {
  return errorCodeOf(error) !== 'FORBIDDEN' && failures < 2
}

export function usePaymentMethods(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: userQueryKeys.paymentMethods(id),
    queryFn: ({ signal }) => abortable(desk.users.paymentMethods({ id }), signal),
    retry: retryUnlessForbidden
  })
}

export function useSignIns(id: number) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: userQueryKeys.signIns(id),
    queryFn: ({ signal }) => abortable(desk.users.signIns({ id }), signal),
    retry: retryUnlessForbidden
  })
}

/** The user's audit timeline, newest first, optionally one action only. */
export function useUserAudit(id: number, action: string) {
  const desk = useDeskClient()
  return useInfiniteQuery({
    queryKey: userQueryKeys.audit(id, action),
    queryFn: ({ pageParam, signal }): Promise<AuditPage> =>
      abortable(
        desk.users.audit({
          userId: id,
          limit: auditPageSize,
          ...(action ? { action } : {}),
          ...(pageParam ? { cursor: pageParam } : {})
        }),
        signal
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    retry: retryUnlessForbidden
  })
}

/** How long the desk trusts an answer: the server walks the chain at most once a minute anyway. */
const auditIntegrityStaleMs = 60_000

/** Whether the audit log's hash chain is intact; asked when an Activity tab opens. */
export function useAuditIntegrity() {
  const desk = useDeskClient()
  return useQuery({
    queryKey: userQueryKeys.auditIntegrity(),
    queryFn: ({ signal }) => abortable(desk.audit.integrity(), signal),
    staleTime: auditIntegrityStaleMs,
    retry: retryUnlessForbidden
  })
}
