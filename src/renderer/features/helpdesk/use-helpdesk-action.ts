import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { securityQueryKeys } from '../security/security-query-keys'
import { userQueryKeys } from '../users/user-query-keys'
import type { HelpdeskAction } from './summary-text'

/**
 * Runs one resolving action on the caller's account and waits for the server (never optimistic). On
 * success it drops what the action changed in the desk's caches (the user's details, the lists, the
 * Security tab, the audit trail and the helpdesk search), so that any screen opened next is current.
 */
export function useHelpdeskAction(userId: number, onDone: (action: HelpdeskAction, at: string) => void) {
  const queryClient = useQueryClient()
  const [running, setRunning] = useState<HelpdeskAction | null>(null)
  const [error, setError] = useState<{ action: HelpdeskAction; error: unknown } | null>(null)

  /** Runs the action and records it; a refusal is thrown (for ActionDialog, which shows it). */
  const perform = useCallback(
    async <R>(action: HelpdeskAction, call: () => Promise<R>): Promise<R> => {
      const result = await call()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueryKeys.detail(userId) }),
        queryClient.invalidateQueries({ queryKey: userQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: userQueryKeys.auditOf(userId) }),
        queryClient.invalidateQueries({ queryKey: securityQueryKeys.all(userId) }),
        queryClient.invalidateQueries({ queryKey: [...userQueryKeys.all, 'helpdesk-people'] })
      ])
      onDone(action, new Date().toISOString())
      return result
    },
    [onDone, queryClient, userId]
  )

  /** The one-click actions: a refusal is kept and shown in words beside the buttons. */
  const run = useCallback(
    async <R>(action: HelpdeskAction, call: () => Promise<R>): Promise<R | null> => {
      setRunning(action)
      setError(null)
      try {
        return await perform(action, call)
      } catch (failure) {
        setError({ action, error: failure })
        return null
      } finally {
        setRunning(null)
      }
    },
    [perform]
  )

  return { run, perform, running, error, clearError: () => setError(null) }
}
