import { Alert, Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../shared/session'
import { ErrorAlert } from '../components/ErrorAlert'
import { useSessionNotice } from '../stores/app-stores'
import { useDismissNotice } from './session'

function FirstRunNotice({ notice }: { notice: NonNullable<SessionState['firstRunNotice']> }) {
  const { t } = useTranslation()
  const dismiss = useDismissNotice()
  return (
    <Alert
      type="info"
      showIcon
      data-testid="first-run-notice"
      title={t('notices.firstRunTitle')}
      description={
        <>
          <Space wrap size={[16, 4]}>
            <span>
              {t('notices.firstRunLogin')} <Typography.Text code>{notice.login}</Typography.Text>
            </span>
            <span>
              {t('notices.firstRunPassword')}{' '}
              <Typography.Text code copyable={{ text: notice.password, tooltips: [t('notices.copyPassword'), t('notices.copied')] }}>
                {notice.password}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">{t('notices.firstRun')}</Typography.Text>
          </Space>
          {dismiss.isError ? <ErrorAlert error={dismiss.error} /> : null}
        </>
      }
      action={
        <Button size="small" type="primary" loading={dismiss.isPending} onClick={() => dismiss.mutate()}>
          {t('notices.dismiss')}
        </Button>
      }
    />
  )
}

/**
 * What the operator must know about this session, above the current screen: secrets kept in memory
 * only, connections reset, the one-time local administrator password. The sign-in screen also shows
 * why a session ended and how the embedded portal is doing.
 */
export function SessionNotices({ session, onSignInScreen = false }: { session: SessionState; onSignInScreen?: boolean }) {
  const { t } = useTranslation()
  const notice = useSessionNotice((state) => state.notice)
  const portal = session.localPortal
  return (
    <div className="app-notices" data-testid="session-notices">
      {onSignInScreen && notice === 'sessionExpired' ? (
        <Alert type="warning" showIcon role="alert" data-testid="session-expired" title={t('notices.sessionExpired')} />
      ) : null}
      {!session.vault.persistent ? (
        <Alert type="warning" showIcon data-testid="vault-memory-only" title={t('notices.vaultMemoryOnly')} />
      ) : null}
      {onSignInScreen && session.connectionsReset ? (
        <Alert type="warning" showIcon data-testid="connections-reset" title={t('notices.connectionsReset')} />
      ) : null}
      {session.firstRunNotice ? <FirstRunNotice notice={session.firstRunNotice} /> : null}
      {onSignInScreen && portal.state === 'starting' ? (
        <Alert type="info" showIcon data-testid="local-portal-starting" title={t('notices.localPortalStarting')} />
      ) : null}
      {onSignInScreen && portal.state === 'failed' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="local-portal-failed"
          title={t('notices.localPortalFailedTitle')}
          description={portal.error ? t('errorDetails', { details: portal.error }) : t('errors.PORTAL_START_FAILED')}
        />
      ) : null}
      {onSignInScreen && session.startupError ? (
        <Alert
          type="error"
          showIcon
          data-testid="startup-error"
          title={t('notices.startupErrorTitle')}
          description={t(`errors.${session.startupError.code}`)}
        />
      ) : null}
    </div>
  )
}
