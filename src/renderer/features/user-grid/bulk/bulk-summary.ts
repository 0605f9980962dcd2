import type { TFunction } from 'i18next'
import type { BulkActionId, BulkTarget } from './bulk-actions'
import type { BulkReport } from './bulk-runner'

export type BulkEnding = 'finished' | 'cancelled' | 'stopped'

export function bulkEnding(report: BulkReport<BulkTarget, unknown>): BulkEnding {
  return report.cancelled ? 'cancelled' : report.stoppedBy !== undefined ? 'stopped' : 'finished'
}

/** How the run ended, with its counts: the run dialog's summary and the background notification's text. */
export function bulkSummaryText(action: BulkActionId, report: BulkReport<BulkTarget, unknown>, t: TFunction, language: string): string {
  const number = (n: number) => n.toLocaleString(language)
  const { counts } = report
  return t(`userGrid.bulk.${bulkEnding(report)}`, {
    doneLabel: t(`userGrid.bulk.actions.${action}.done`),
    done: number(counts.done),
    skipped: number(counts.skipped),
    failed: number(counts.failed),
    notStarted: number(counts.notStarted)
  })
}
