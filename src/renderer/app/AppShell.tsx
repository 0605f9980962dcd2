import { Layout, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { ErrorAlert } from '../components/ErrorAlert'
import { PasswordChangeRequired } from '../features/account/PasswordChangeRequired'
import { TwoFactorRequiredGuide } from '../features/account/TwoFactorRequiredGuide'
import { CommandPalette } from '../features/command-palette/CommandPalette'
import { AutoLock } from '../features/auto-lock/AutoLock'
import { SignInScreen } from '../features/connection/SignInScreen'
import { AppHeader } from './AppHeader'
import { useSession } from './session'
import { SessionNotices } from './SessionNotices'
import { useDocumentTitle } from './use-document-title'

/**
 * The frame around every screen. `data-app-state` is the readiness marker tests wait on: "ready" once
 * the session is known, and then exactly one of the `signed-in` / `signed-out` regions is present.
 */
export function AppShell() {
  const { t } = useTranslation()
  const session = useSession()
  useDocumentTitle(session.data)
  const appState = session.isPending ? 'loading' : session.isError ? 'error' : 'ready'

  return (
    <Layout className="app-frame" data-app-state={appState}>
      <AppHeader session={session.data} />
      <Layout.Content className="app-content">
        {session.isPending ? (
          <Spin size="large" description={t('app.loading')} style={{ margin: 'auto' }}>
            <div style={{ width: 240, height: 80 }} />
          </Spin>
        ) : session.isError ? (
          <div style={{ padding: 24 }}>
            <ErrorAlert error={session.error} title={t('app.sessionLoadFailed')} onRetry={() => void session.refetch()} />
          </div>
        ) : session.data.operator ? (
          <AutoLock>
            <div className="signed-in" data-testid="signed-in">
              <SessionNotices session={session.data} />
              {session.data.operator.passwordChangeRequired === true ? (
                <PasswordChangeRequired operator={session.data.operator} />
              ) : session.data.operator.twoFactorSetupRequired === true ? (
                <TwoFactorRequiredGuide />
              ) : (
                <>
                  <Outlet />
                  <CommandPalette />
                </>
              )}
            </div>
          </AutoLock>
        ) : (
          <SignInScreen session={session.data} />
        )}
      </Layout.Content>
    </Layout>
  )
}
