import { Alert, Card, Skeleton, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { userId } from '../../../shared/users'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BackLink, RecordNotFound } from '../../components/page-navigation'
import { errorCodeOf } from '../../components/error-text'
import { useCapabilities } from '../../app/use-capabilities'
import { SecurityTab } from '../security/SecurityTab'
import { ActivityTab } from './ActivityTab'
import { PaymentMethodsTab } from './PaymentMethodsTab'
import { KindTag } from './user-columns'
import { UserGeneralTab } from './UserGeneralTab'
import { tabOf, userPagePath } from './user-page-tabs'
import { useUserDetail } from './user-queries'

function BackToUsers() {
  const { t } = useTranslation()
  return <BackLink to="/users" label={t('userDetail.back')} testId="back-to-users" />
}

/** A deep link to an area the operator's role cannot use (a support agent on an internal user's Security). */
function NotForYourRole() {
  const { t } = useTranslation()
  return <Alert type="info" showIcon data-testid="not-for-role" title={t('roles.notAvailable.title')} description={t('roles.notAvailable.securityText')} />
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <RecordNotFound testId="user-not-found" title={t('userDetail.notFoundTitle')} text={t('userDetail.notFound')} backTo="/users" backLabel={t('userDetail.back')} />
  )
}

/**
 * One user at #/users/:id[/:tab]: General (read-only for now), Payment methods and Activity. Each tab
 * is its own history entry, so Back returns to the previous tab and a deep link opens the right one.
 */
export function UserPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const params = useParams()
  const parsed = userId.safeParse(params.id)
  const id = parsed.success ? parsed.data : null
  const tab = tabOf(params.tab)
  const user = useUserDetail(tab === null ? null : id)
  const capabilities = useCapabilities()

  if (id === null || tab === null || (user.isError && errorCodeOf(user.error) === 'NOT_FOUND')) {
    return (
      <div className="user-detail-page">
        <NotFound />
      </div>
    )
  }

  return (
    <div className="user-detail-page" data-testid="user-detail" data-state={user.isPending ? 'loading' : user.isError ? 'error' : 'ready'} data-tab={tab}>
      <BackToUsers />
      {user.isPending ? (
        <Card style={{ marginTop: 16 }} aria-busy aria-label={t('userDetail.loading')}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : user.isError ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={user.error} title={t('userDetail.loadFailed')} onRetry={() => void user.refetch()} testId="user-error" />
        </div>
      ) : (
        <Card
          style={{ marginTop: 16 }}
          title={
            <Typography.Title level={1} className="page-title" data-testid="user-detail-name">
              {user.data.name}
            </Typography.Title>
          }
          extra={<KindTag kind={user.data.kind} t={t} />}
        >
          <Tabs
            activeKey={tab}
            aria-label={t('userPage.tabsLabel')}
            data-testid="user-tabs"
            onChange={(key) => void navigate(userPagePath(id, tabOf(key) ?? 'general'))}
            destroyOnHidden
            items={[
              { key: 'general', label: t('userPage.tabs.general'), children: <UserGeneralTab user={user.data} /> },
              // A role that may not see the user's security lists gets no Security tab; a deep link says why.
              capabilities.can('sessions.read', user.data.kind)
                ? { key: 'security', label: t('security.tab'), children: <SecurityTab user={user.data} /> }
                : tab === 'security'
                  ? { key: 'security', label: t('security.tab'), children: <NotForYourRole />, disabled: true }
                  : null,
              { key: 'payment-methods', label: t('userPage.tabs.paymentMethods'), children: <PaymentMethodsTab user={user.data} /> },
              { key: 'activity', label: t('userPage.tabs.activity'), children: <ActivityTab userId={id} /> }
            ].filter((item) => item !== null)}
          />
        </Card>
      )}
    </div>
  )
}
