import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Modal, Progress, Spin, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserListQuery } from '../../../../shared/users'
import { useDeskClient } from '../../../app/desk-client'
import { notifyInBackground, prepareBackgroundNotification } from '../../../components/background-notification'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { usePreferences } from '../../../stores/app-stores'
import type { UserColumnKey } from '../../../stores/user-grid-settings'
import { isAbort } from '../matching-users'
import { exportFileName } from './csv'
import { downloadBlob, exportUsersCsv, userCsvColumns } from './export-users'

type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number } | { phase: 'failed'; rows: number; error: unknown }

interface ExportCsvProps {
  /** The grid's current filter, search, kind and sort. */
  query: UserListQuery
  columns: readonly UserColumnKey[]
  /** How many rows to expect, when known. */
  total: number | undefined
}

/**
 * "Export CSV" of the current filtered view: every matching user (not only the loaded rows), read
 * 200 at a time with a progress bar and Cancel, then saved as a file through the browser's download.
 */
export function ExportCsv({ query, columns, total }: ExportCsvProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const desk = useDeskClient()
  const language = usePreferences((state) => state.language)
  const [state, setState] = useState<ExportState>({ phase: 'idle' })
  const controller = useRef<AbortController | null>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => () => controller.current?.abort(), [])

  const start = async () => {
    const abort = new AbortController()
    controller.current = abort
    prepareBackgroundNotification()
    setState({ phase: 'running', rows: 0 })
    let rowsRead = 0
    try {
      const csv = await exportUsersCsv({
        listUsers: (q) => desk.users.list(q),
        query,
        columns: userCsvColumns(columns, t),
        signal: abort.signal,
        onProgress: (rows) => {
          rowsRead = rows
          setState({ phase: 'running', rows })
        }
      })
      const file = exportFileName(new Date())
      downloadBlob(csv.blob, file)
      setState({ phase: 'idle' })
      const done = t('userGrid.export.done', { count: csv.rows, rows: csv.rows.toLocaleString(language), file })
      void message.success({ content: done, key: 'users-export' })
      notifyInBackground({ title: t('userGrid.export.notificationDone'), body: done, tag: 'portaldesk-export' })
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) {
        setState({ phase: 'idle' })
        void message.info({ content: t('userGrid.export.cancelled'), key: 'users-export' })
      } else {
        setState({ phase: 'failed', rows: rowsRead, error })
        notifyInBackground({
          title: t('userGrid.export.notificationFailed'),
          body: t('userGrid.export.notificationFailedBody', { count: rowsRead, rows: rowsRead.toLocaleString(language) }),
          tag: 'portaldesk-export'
        })
      }
    } finally {
      if (controller.current === abort) controller.current = null
    }
  }

  const cancel = () => controller.current?.abort()
  const close = () => setState({ phase: 'idle' })
  const rows = state.phase === 'idle' ? 0 : state.rows
  const expected = total !== undefined && total > 0 ? total : undefined

  return (
    <>
      <Button ref={button} icon={<DownloadOutlined />} onClick={() => void start()} disabled={state.phase !== 'idle'} data-testid="export-csv">
        {t('userGrid.export.button')}
      </Button>
      <Modal
        open={state.phase !== 'idle'}
        title={t('userGrid.export.title')}
        closable={state.phase === 'failed'}
        keyboard
        mask={{ closable: false }}
        destroyOnHidden
        onCancel={state.phase === 'running' ? cancel : close}
        afterClose={() => button.current?.focus()}
        footer={
          state.phase === 'running' ? (
            <Button onClick={cancel} autoFocus data-testid="export-cancel">
              {t('userGrid.export.cancel')}
            </Button>
          ) : (
            <Button onClick={close} autoFocus data-testid="export-close">
              {t('userGrid.bulk.close')}
            </Button>
          )
        }
      >
        <div data-testid="export-progress" data-state={state.phase} data-rows={rows}>
          {state.phase === 'failed' ? (
            <ErrorAlert error={state.error} title={t('userGrid.export.failed')} onRetry={() => void start()} testId="export-error" />
          ) : (
            <>
              {expected ? <Progress percent={Math.min(100, Math.floor((rows / expected) * 100))} status="active" /> : <Spin size="small" style={{ marginInlineEnd: 8 }} />}
              <Typography.Text role="status">
                {expected
                  ? t('userGrid.export.progress', { count: expected, rows: rows.toLocaleString(language), total: expected.toLocaleString(language) })
                  : t('userGrid.export.progressUnknown', { count: rows, rows: rows.toLocaleString(language) })}
              </Typography.Text>
            </>
          )}
        </div>
      </Modal>
    </>
  )
}
