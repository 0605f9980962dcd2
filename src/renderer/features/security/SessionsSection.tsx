import { Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionSummary } from '../../../shared/security'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ListFailure } from '../users/ListFailure'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { RevokeAllSessionsDialog } from './shared-action-dialogs'
import { SecuritySection } from './SecuritySection'
import { SecurityTime } from './SecurityTime'
import { useSessions } from './security-queries'
import { useSecurityAction } from './use-security-action'
import { deviceOf } from './user-agent'

/** The user's sessions (device, IP, started, last seen), each with Sign out, and Log out from all devices. */
export function SessionsSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const sessions = useSessions(user.id)
  const items = sessions.data?.items ?? []
  const live = items.filter((session) => session.status === 'active')
  const deviceText = (session: SessionSummary) => deviceOf(session.userAgent) ?? session.userAgent ?? t('security.unknown')

  const columns: TableColumnsType<SessionSummary> = [
    {
      key: 'device',
      title: t('security.sessions.device'),
      ellipsis: true,
      render: (_, session) => (
        <span title={session.userAgent ?? undefined} data-field="device">
          {deviceText(session)} <Tag>{t(`security.sessions.audiences.${session.audience}`)}</Tag>
          {session.current ? <Tag color="blue">{t('security.sessions.current')}</Tag> : null}
          {session.status === 'expired' ? <Tag>{t('security.sessions.expired')}</Tag> : null}
        </span>
      )
    },
    { key: 'ip', title: t('security.sessions.ip'), width: 140, render: (_, session) => session.ip ?? <Typography.Text type="secondary">{t('security.unknown')}</Typography.Text> },
    { key: 'started', title: t('security.sessions.started'), width: 140, render: (_, session) => <SecurityTime iso={session.startedAt} /> },
    { key: 'lastSeen', title: t('security.sessions.lastSeen'), width: 140, render: (_, session) => <SecurityTime iso={session.lastSeenAt} /> },
    {
      key: 'actions',
      title: t('security.actions'),
      width: 130,
      render: (_, session) => (
        <ActionButton
          label={t('security.sessions.signOut')}
          ariaLabel={t('security.sessions.signOutLabel', { device: deviceText(session) })}
          testId="revoke-session"
          permission={{ action: 'sessions.revoke', target: user.kind }}
          size="small"
          danger
        >
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="revoke-session-dialog"
              title={t('security.sessions.signOutTitle')}
              confirmLabel={t('security.sessions.signOut')}
              danger
              consequence={t('security.sessions.signOutConsequence', { device: deviceText(session), ip: session.ip ?? t('security.unknown') })}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.revokeSession({ id: user.id, sessionId: session.id, audit }), {
                  changes: ['sessions'],
                  auditAction: 'sessions.revoke',
                  notice: () => t('security.sessions.signedOut')
                })
              }}
            />
          )}
        </ActionButton>
      )
    }
  ]

  return (
    <SecuritySection
      title={t('security.sessions.title')}
      testId="security-sessions"
      state={sessions.isPending ? 'loading' : sessions.isError ? 'error' : 'ready'}
      extra={
        <ActionButton label={t('security.sessions.revokeAll')} testId="revoke-all-sessions" permission={{ action: 'sessions.revoke', target: user.kind }} danger size="small" disabledReason={sessions.isSuccess && live.length === 0 ? t('security.sessions.empty') : null} reasonShown="tooltip">
          {({ open, close }) => <RevokeAllSessionsDialog user={user} open={open} onClose={close} />}
        </ActionButton>
      }
    >
      {sessions.isError ? (
        <ListFailure error={sessions.error} title={t('security.sessions.loadFailed')} onRetry={() => void sessions.refetch()} testId="sessions-error" />
      ) : (
        <Table<SessionSummary>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          pagination={false}
          columns={columns}
          dataSource={items}
          loading={sessions.isPending}
          onRow={(session) => ({ 'data-testid': 'session-row', 'data-session-id': session.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('security.sessions.empty') }}
        />
      )}
    </SecuritySection>
  )
}
