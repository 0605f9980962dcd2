import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditContext } from '../../../../shared/ipc/audit-context'
import { useDeskClient } from '../../../app/desk-client'
import { notifyInBackground, prepareBackgroundNotification } from '../../../components/background-notification'
import { usePreferences } from '../../../stores/app-stores'
import { userQueryKeys } from '../../users/user-query-keys'
import { bulkActions, isFatalBulkError, type BulkActionId, type BulkTarget } from './bulk-actions'
import { runBulk, type BulkProgress, type BulkReport } from './bulk-runner'
import { bulkEnding, bulkSummaryText } from './bulk-summary'

/** Calls in flight at once: quick enough for a few hundred users, gentle on the server. */
export const bulkConcurrency = 3

export type BulkRun =
  | { phase: 'idle' }
  | { phase: 'running'; action: BulkActionId; progress: BulkProgress; cancelling: boolean }
  | { phase: 'finished'; action: BulkActionId; report: BulkReport<BulkTarget, unknown> }

/**
 * One bulk action at a time: runs it through `runBulk`, publishes progress, and when it ends
 * refreshes what it changed: every list, and each touched user's detail and Security-tab queries
 * (all hang under `['users', <what>, id]`). A run that ends while the desk is in the background says
 * so in a system notification.
 */
export function useBulkRun(operatorId: number | null) {
  const desk = useDeskClient()
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const [run, setRun] = useState<BulkRun>({ phase: 'idle' })
  const controller = useRef<AbortController | null>(null)

  // Leaving the page mid-run stops issuing calls (those sent still finish on the server).
  useEffect(() => () => controller.current?.abort(), [])

  const start = useCallback(
    async (action: BulkActionId, targets: readonly BulkTarget[], audit: AuditContext) => {
      const spec = bulkActions[action]
      const abort = new AbortController()
      controller.current = abort
      prepareBackgroundNotification()
      setRun({ phase: 'running', action, progress: { finished: 0, total: targets.length }, cancelling: false })
      const report = await runBulk({
        targets,
        skipReason: (user) => spec.skipReason(user, operatorId),
        call: (user) => spec.call(desk, user, audit),
        signal: abort.signal,
        concurrency: bulkConcurrency,
        isFatal: isFatalBulkError,
        onProgress: (progress) => setRun((current) => (current.phase === 'running' ? { ...current, progress } : current))
      })
      controller.current = null
      setRun({ phase: 'finished', action, report })
      notifyInBackground({
        title: t(`userGrid.bulk.notification.${bulkEnding(report)}`, { action: t(`userGrid.bulk.actions.${action}.label`) }),
        body: bulkSummaryText(action, report, t, language),
        tag: 'portaldesk-bulk'
      })
      const touched = new Set(report.entries.filter((entry) => entry.outcome.status === 'done' || entry.outcome.status === 'failed').map((entry) => entry.target.id))
      await queryClient.invalidateQueries({
        queryKey: userQueryKeys.all,
        predicate: (query) => query.queryKey[1] === 'list' || touched.has(query.queryKey[2] as number)
      })
    },
    [desk, operatorId, queryClient, t, language]
  )

  const cancel = useCallback(() => {
    controller.current?.abort()
    setRun((current) => (current.phase === 'running' ? { ...current, cancelling: true } : current))
  }, [])

  const close = useCallback(() => setRun((current) => (current.phase === 'finished' ? { phase: 'idle' } : current)), [])

  return { run, start, cancel, close }
}
