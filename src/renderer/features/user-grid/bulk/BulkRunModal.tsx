import { Button, Modal, Progress, Segmented, Space, Table, Tag, Typography, type TableColumnType } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { refusalText } from '../../../components/refusal-text'
import { usePreferences } from '../../../stores/app-stores'
import { failureReasonOf, type BulkActionId, type BulkTarget } from './bulk-actions'
import type { BulkOutcome, BulkReport, BulkStatus } from './bulk-runner'
import { bulkSummaryText } from './bulk-summary'
import type { BulkRun } from './use-bulk-run'
import './bulk.css'

type Entry = BulkReport<BulkTarget, unknown>['entries'][number]
type Shown = 'all' | Exclude<BulkStatus, 'done'>

const outcomeColor: Record<BulkStatus, string> = { done: 'success', skipped: 'default', failed: 'error', notStarted: 'warning' }

function revokedCount(result: unknown): number | null {
  if (typeof result !== 'object' || result === null || !('revoked' in result)) return null
  return typeof result.revoked === 'number' ? result.revoked : null
}

/** Why, in words: the skip or refusal reason; for an unknown refusal, the error code's own sentence. */
export function outcomeReason(action: BulkActionId, outcome: BulkOutcome<unknown>, t: TFunction, language: string): string {
  switch (outcome.status) {
    case 'skipped':
      return t(`userGrid.bulk.skip.${outcome.reason}`)
    case 'failed': {
      const { reason, code } = failureReasonOf(action, outcome.error)
      // The mail limit's words carry its numbers (at most 5 an hour, try again in 12 minutes).
      if (reason === 'mailLimit') return refusalText(outcome.error, t) ?? t('userGrid.bulk.failure.mailLimit')
      return reason === 'other' ? t(`errors.${code}`) : t(`userGrid.bulk.failure.${reason}`)
    }
    case 'done': {
      const revoked = action === 'revokeSessions' ? revokedCount(outcome.result) : null
      return revoked === null ? '' : t('userGrid.bulk.sessionsEnded', { sessions: revoked.toLocaleString(language) })
    }
    case 'notStarted':
      return ''
  }
}

function resultColumns(action: BulkActionId, t: TFunction, language: string): TableColumnType<Entry>[] {
  return [
    {
      key: 'user',
      title: t('userGrid.bulk.columns.user'),
      width: 260,
      ellipsis: true,
      render: (_, { target }) => (
        <span title={`${target.name} (${target.login})`}>
          {target.name} <Typography.Text type="secondary">({target.login})</Typography.Text>
        </span>
      )
    },
    {
      key: 'result',
      title: t('userGrid.bulk.columns.result'),
      width: 130,
      render: (_, { outcome }) => (
        <Tag color={outcomeColor[outcome.status]} data-field="outcome">
          {outcome.status === 'done' ? t(`userGrid.bulk.actions.${action}.done`) : t(`userGrid.bulk.outcome.${outcome.status}`)}
        </Tag>
      )
    },
    { key: 'why', title: t('userGrid.bulk.columns.why'), ellipsis: true, render: (_, { outcome }) => <span data-field="reason">{outcomeReason(action, outcome, t, language)}</span> }
  ]
}

/** The run's progress (n of N, with Cancel), then what happened to each user. */
export function BulkRunModal(props: { run: BulkRun; onCancel: () => void; onClose: () => void; afterClose: () => void }) {
  const { onCancel, onClose } = props
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const [shown, setShown] = useState<Shown>('all')
  // The last run stays on screen while the dialog closes; then `afterClose` places the focus.
  const [lastRun, setLastRun] = useState<BulkRun>(props.run)
  if (props.run.phase !== 'idle' && props.run !== lastRun) setLastRun(props.run)
  const run = props.run.phase === 'idle' ? lastRun : props.run
  const report = run.phase === 'finished' ? run.report : null
  const action = run.phase === 'idle' ? null : run.action
  const entries = useMemo(() => (report ? (shown === 'all' ? report.entries : report.entries.filter((entry) => entry.outcome.status === shown)) : []), [report, shown])
  const columns = useMemo(() => (action ? resultColumns(action, t, language) : []), [action, t, language])
  if (!action) return null

  const number = (n: number) => n.toLocaleString(language)
  const progress = run.phase === 'running' ? run.progress : { finished: report ? report.entries.length - report.counts.notStarted : 0, total: report?.entries.length ?? 0 }
  const percent = progress.total === 0 ? 100 : Math.floor((progress.finished / progress.total) * 100)
  const counts = report?.counts

  return (
    <Modal
      open={props.run.phase !== 'idle'}
      title={t(`userGrid.bulk.actions.${action}.label`)}
      focusTriggerAfterClose={false}
      destroyOnHidden
      closable={run.phase === 'finished'}
      keyboard={run.phase === 'finished'}
      mask={{ closable: false }}
      onCancel={run.phase === 'finished' ? onClose : undefined}
      afterClose={() => {
        setShown('all')
        props.afterClose()
      }}
      width={720}
      footer={
        run.phase === 'running' ? (
          <Button onClick={onCancel} disabled={run.cancelling} autoFocus data-testid="bulk-cancel">
            {t('userGrid.bulk.cancel')}
          </Button>
        ) : (
          <Button type="primary" onClick={onClose} autoFocus data-testid="bulk-close">
            {t('userGrid.bulk.close')}
          </Button>
        )
      }
    >
      <div
        data-testid="bulk-run"
        data-state={run.phase}
        data-action={action}
        data-finished={progress.finished}
        data-total={progress.total}
        {...(counts ? { 'data-done': counts.done, 'data-skipped': counts.skipped, 'data-failed': counts.failed, 'data-not-started': counts.notStarted } : {})}
      >
        <div role="progressbar" aria-label={t('userGrid.bulk.progressLabel')} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.finished} data-testid="bulk-progress">
          <Progress percent={percent} status={run.phase === 'running' ? 'active' : counts && counts.failed > 0 ? 'exception' : 'normal'} showInfo={false} />
          <Typography.Text data-testid="bulk-progress-text">{t('userGrid.bulk.progress', { finished: number(progress.finished), total: number(progress.total) })}</Typography.Text>
        </div>
        {run.phase === 'running' && run.cancelling ? <Typography.Paragraph type="secondary">{t('userGrid.bulk.cancelling')}</Typography.Paragraph> : null}
        {report && counts ? (
          <>
            <Typography.Paragraph strong role="status" className="bulk-run__summary" data-testid="bulk-summary">
              {bulkSummaryText(action, report, t, language)}
            </Typography.Paragraph>
            <Space size={8} className="bulk-run__filter">
              <Typography.Text id="bulk-show-label">{t('userGrid.bulk.show')}</Typography.Text>
              <Segmented<Shown>
                aria-labelledby="bulk-show-label"
                value={shown}
                onChange={setShown}
                data-testid="bulk-show"
                options={(['all', 'failed', 'skipped', 'notStarted'] as const).map((value) => ({
                  value,
                  label: `${t(`userGrid.bulk.outcome.${value}`)} (${number(value === 'all' ? report.entries.length : counts[value])})`
                }))}
              />
            </Space>
            <Table<Entry>
              virtual
              size="small"
              aria-label={t('userGrid.bulk.resultsLabel')}
              rowKey={(entry) => entry.target.id}
              columns={columns}
              dataSource={entries}
              pagination={false}
              scroll={{ y: 300 }}
              onRow={(entry) => ({ 'data-testid': 'bulk-result', 'data-user-id': entry.target.id, 'data-outcome': entry.outcome.status }) as Record<string, string | number>}
            />
          </>
        ) : null}
      </div>
    </Modal>
  )
}
