import { LockOutlined } from '@ant-design/icons'
import { Card, Skeleton, Tabs, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { companyId } from '../../../shared/companies'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BackLink, RecordNotFound } from '../../components/page-navigation'
import { errorCodeOf } from '../../components/error-text'
import { CompanyFacts } from './CompanyFacts'
import { CompanyUsersTab } from './CompanyUsersTab'
import { useCompanyDetail } from './company-queries'
import './companies.css'

/** Where Back leads: the list as it was left (with its search), else the whole list. */
function useBackTarget(): string {
  const location = useLocation()
  const from = (location.state as { from?: unknown } | null)?.from
  return typeof from === 'string' && from.startsWith('/companies') ? from : '/companies'
}

function BackToCompanies() {
  const { t } = useTranslation()
  return <BackLink to={useBackTarget()} label={t('companies.page.back')} testId="back-to-companies" />
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <RecordNotFound
      testId="company-not-found"
      title={t('companies.page.notFoundTitle')}
      text={t('companies.page.notFound')}
      backTo="/companies"
      backLabel={t('companies.page.back')}
    />
  )
}

/**
 * One company at #/companies/:id, Prim.io's contractor file: its facts, and the Users subtab where
 * users are added, given new credentials, or stopped from using the portal.
 */
export function CompanyPage() {
  const { t } = useTranslation()
  const params = useParams()
  const parsed = companyId.safeParse(params.id)
  const id = parsed.success ? parsed.data : null
  const company = useCompanyDetail(id)

  if (id === null || (company.isError && errorCodeOf(company.error) === 'NOT_FOUND')) {
    return (
      <div className="company-page">
        <NotFound />
      </div>
    )
  }

  return (
    <div className="company-page" data-testid="company-page" data-state={company.isPending ? 'loading' : company.isError ? 'error' : 'ready'} data-company-id={id}>
      <BackToCompanies />
      {company.isPending ? (
        <Card aria-busy aria-label={t('companies.page.loading')}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : company.isError ? (
        <ErrorAlert error={company.error} title={t('companies.page.loadFailed')} onRetry={() => void company.refetch()} testId="company-error" />
      ) : (
        <Card
          title={
            <Typography.Title level={1} className="page-title" data-testid="company-name">
              {company.data.name}
            </Typography.Title>
          }
          extra={
            company.data.documentLocked ? (
              <Tag icon={<LockOutlined />} color="gold" data-testid="company-locked">
                {t('companies.page.lockedTag')}
              </Tag>
            ) : null
          }
        >
          <CompanyFacts company={company.data} />
          <Tabs
            activeKey="users"
            aria-label={t('companies.page.tabsLabel')}
            data-testid="company-tabs"
            items={[
              {
                key: 'users',
                label: `${t('companies.page.tabs.users')} (${company.data.userCount})`,
                children: <CompanyUsersTab company={company.data} />
              }
            ]}
          />
        </Card>
      )}
    </div>
  )
}
