import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useCallback, type ReactNode } from 'react'
import type { ErrorCode } from '../../../shared/errors'
import type { UserDetail } from '../../../shared/users'
import { useActionNotice } from '../../components/action-dialog/use-action-notice'
import { errorCodeOf } from '../../components/error-text'
import type { userAuditActions } from '../users/audit-actions'
import { userQueryKeys } from '../users/user-query-keys'
import { securityQueryKeys } from './security-query-keys'

/** What an action can change, beside the user's audit trail (which every action adds to). */
export type Changed = 'detail' | 'lists' | 'resetLink' | 'passkeys' | 'sessions' | 'apiKeys' | 'signIns' | 'paymentMethods'

export type AuditAction = (typeof userAuditActions)[number]

export interface ActionEffect<R> {
  /** The queries whose server state this action changed: refetched before the dialog closes. */
  changes: readonly Changed[]
  /** The action as the server records it: the success message links to it in the audit trail. */
  auditAction: AuditAction
  /** The success message, in the operator's language (with the live state of an email it queued). */
  notice: (result: R) => ReactNode
  /** When the server answers with the user as it is now, it goes straight into the detail cache. */
  detailOf?: (result: R) => UserDetail
}

const staleStateCodes: readonly ErrorCode[] = ['CONFLICT', 'NOT_FOUND']

function keyOf(changed: Changed, id: number): QueryKey {
  switch (changed) {
    case 'detail':
      return userQueryKeys.detail(id)
    case 'lists':
      return userQueryKeys.lists()
    case 'resetLink':
      return securityQueryKeys.resetLink(id)
    case 'passkeys':
      return securityQueryKeys.passkeys(id)
    case 'sessions':
      return securityQueryKeys.sessions(id)
    case 'apiKeys':
      return securityQueryKeys.apiKeys(id)
    case 'signIns':
      return userQueryKeys.signIns(id)
    case 'paymentMethods':
      return userQueryKeys.paymentMethods(id)
  }
}

/**
 * Runs one security action of the user `id` and waits for the server (never optimistic). On success it
 * refetches what the action changed, then shows the success message with its audit link, so that the
 * dialog closes onto the current state, never a stale one. A CONFLICT or NOT_FOUND means the state
 * moved on meanwhile: what the action touches is refetched, so the next attempt starts from it.
 */
export function useSecurityAction(id: number) {
  const queryClient = useQueryClient()
  const notify = useActionNotice()
  return useCallback(
    async <R>(call: () => Promise<R>, effect: ActionEffect<R>): Promise<R> => {
      let result: R
      try {
        result = await call()
      } catch (error) {
        // A refusal because the state moved on (changed, revoked, gone): show the state as it is now.
        if (staleStateCodes.includes(errorCodeOf(error))) {
          const keys = new Set<Changed>(['detail', ...effect.changes])
          await Promise.all([...keys].map((change) => queryClient.invalidateQueries({ queryKey: keyOf(change, id) })))
        }
        throw error
      }
      if (effect.detailOf) queryClient.setQueryData(userQueryKeys.detail(id), effect.detailOf(result))
      const changed = effect.detailOf ? effect.changes.filter((change) => change !== 'detail') : effect.changes
      await Promise.all([
        ...changed.map((change) => queryClient.invalidateQueries({ queryKey: keyOf(change, id) })),
        queryClient.invalidateQueries({ queryKey: userQueryKeys.auditOf(id) })
      ])
      notify(effect.notice(result), { userId: id, action: effect.auditAction })
      return result
    },
    [id, notify, queryClient]
  )
}
