import { App, Button, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionSummary } from '../../../shared/security'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SecurityTime } from '../security/SecurityTime'
import { deviceOf } from '../security/user-agent'
import { useEndOtherSessions, useEndOwnSession, useOwnSessions } from './account-queries'

/** Where I am signed in as an operator: this device marked, any other signed out one by one or all at once. */
export function OwnSessions() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const sessions = useOwnSessions()
  const endOne = useEndOwnSession()
  const endOthers = useEndOtherSessions()
  const items = sessions.data?.items ?? []
  const others = items.filter((session) => !session.current && session.status === 'active')
  const deviceText = (session: SessionSummary) => deviceOf(session.userAgent) ?? session.userAgent ?? t('security.unknown')

  const columns: TableColumnsType<SessionSummary> = [
    {
      key: 'device',
      title: t('security.sessions.device'),
      ellipsis: true,
      render: (_, session) => (
        <span title={session.userAgent ?? undefined}>
          {deviceText(session)} {session.current ? <Tag color="blue">{t('account.sessions.thisDevice')}</Tag> : null}
        </span>
      )
    },
    { key: 'ip', title: t('security.sessions.ip'), width: 140, render: (_, session) => session.ip ?? <Typography.Text type="secondary">{t('security.unknown')}</Typography.Text> },
    { key: 'started', title: t('security.sessions.started'), width: 150, render: (_, session) => <SecurityTime iso={session.startedAt} /> },
    { key: 'lastSeen', title: t('security.sessions.lastSeen'), width: 150, render: (_, session) => <SecurityTime iso={session.lastSeenAt} /> },
    {
      key: 'actions',
      title: t('security.actions'),
      width: 130,
      render: (_, session) =>
        session.current ? null : (
          <Button
            size="small"
            danger
            aria-label={t('account.sessions.endLabel', { device: deviceText(session) })}
            loading={endOne.isPending && endOne.variables === session.id}
            onClick={() => endOne.mutate(session.id, { onSuccess: () => void message.success(t('account.sessions.ended')) })}
            data-testid="account-end-session"
          >
            {t('account.sessions.end')}
          </Button>
        )
    }
  ]

  return (
    <section data-testid="account-sessions" className="account-section">
      <Typography.Paragraph type="secondary">{t('account.sessions.intro')}</Typography.Paragraph>
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} title={t('account.sessions.loadFailed')} onRetry={() => void sessions.refetch()} testId="account-sessions-error" />
      ) : (
        <Table<SessionSummary>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          pagination={false}
          columns={columns}
          dataSource={items}
          loading={sessions.isPending}
          onRow={(session) => ({ 'data-testid': 'account-session-row', 'data-current': String(session.current) }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {endOne.isError ? <ErrorAlert error={endOne.error} testId="account-end-session-error" /> : null}
      {endOthers.isError ? <ErrorAlert error={endOthers.error} testId="account-end-others-error" /> : null}
      <div style={{ marginTop: 16 }}>
        <Button
          danger
          // Until the list is known there is nothing to say "everywhere else" about.
          disabled={!sessions.isSuccess || others.length === 0}
          aria-describedby={sessions.isSuccess && others.length === 0 ? 'account-no-other-sessions' : undefined}
          loading={endOthers.isPending}
          onClick={() => endOthers.mutate(undefined, { onSuccess: ({ revoked }) => void message.success(t('account.sessions.endedOthers', { count: revoked })) })}
          data-testid="account-end-other-sessions"
        >
          {t('account.sessions.endOthers')}
        </Button>
        {sessions.isSuccess && others.length === 0 ? (
          <Typography.Text type="secondary" id="account-no-other-sessions" style={{ marginInlineStart: 12 }}>
            {t('account.sessions.noOthers')}
          </Typography.Text>
        ) : null}
      </div>
    </section>
  )
}
