import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Result, Skeleton, Tag, Typography, type DescriptionsProps } from 'antd'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { Locale } from '../../../shared/errors'
import { userId, type UserDetail } from '../../../shared/users'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorCodeOf } from '../../components/error-text'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { KindTag } from './user-columns'
import { useUserDetail } from './user-queries'

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to="/users" data-testid="back-to-users">
      <ArrowLeftOutlined aria-hidden /> {t('userDetail.back')}
    </Link>
  )
}

function countryName(code: string, language: Locale): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Exact date and time, then how long ago: "January 2, 2025 10:00 AM (2 years ago)". */
function Instant({ iso, language }: { iso: string; language: Locale }) {
  const { t } = useTranslation()
  const { exact, relative } = describeInstant(iso, language)
  return <time dateTime={iso}>{t('userDetail.instant', { exact, relative })}</time>
}

function detailItems(user: UserDetail, t: TFunction, language: Locale): DescriptionsProps['items'] {
  const none = <Typography.Text type="secondary">{t('userDetail.none')}</Typography.Text>
  const text = (value: string | null): ReactNode => (value ? value : none)
  const labels = fieldLabels(t)
  const field = (key: keyof typeof labels, children: ReactNode) => ({
    key,
    label: labels[key],
    children: <span data-field={key}>{children}</span>
  })
  return [
    field('name', user.name),
    field('login', user.login),
    field('email', text(user.email)),
    field('phone', text(user.phone)),
    field('company', text(user.company)),
    field('website', text(user.website)),
    field('kind', <KindTag kind={user.kind} t={t} />),
    field('role', user.role ? t(`userDetail.roles.${user.role}`) : none),
    field('language', t(`languages.${user.language}`)),
    field('city', text(user.city)),
    field('country', user.country ? countryName(user.country, language) : none),
    field('active', user.active ? t('userDetail.yes') : <Tag>{t('userDetail.no')}</Tag>),
    field('lastSignIn', user.lastSignInAt ? <Instant iso={user.lastSignInAt} language={language} /> : t('users.never')),
    field('created', <Instant iso={user.createdAt} language={language} />),
    field('updated', <Instant iso={user.updatedAt} language={language} />)
  ]
}

function fieldLabels(t: TFunction) {
  return {
    name: t('userDetail.fields.name'),
    login: t('userDetail.fields.login'),
    email: t('userDetail.fields.email'),
    phone: t('userDetail.fields.phone'),
    company: t('userDetail.fields.company'),
    website: t('userDetail.fields.website'),
    kind: t('userDetail.fields.kind'),
    role: t('userDetail.fields.role'),
    language: t('userDetail.fields.language'),
    city: t('userDetail.fields.city'),
    country: t('userDetail.fields.country'),
    active: t('userDetail.fields.active'),
    lastSignIn: t('userDetail.fields.lastSignIn'),
    created: t('userDetail.fields.created'),
    updated: t('userDetail.fields.updated')
  }
}

function NotFound() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      data-testid="user-not-found"
      title={t('userDetail.notFoundTitle')}
      subTitle={t('userDetail.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/users')}>
          {t('userDetail.back')}
        </Button>
      }
    />
  )
}

/** One user, read-only, at #/users/:id. Editing arrives with the full user form. */
export function UserDetailPage() {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const parsed = userId.safeParse(useParams().id)
  const id = parsed.success ? parsed.data : null
  const user = useUserDetail(id)

  if (id === null || (user.isError && errorCodeOf(user.error) === 'NOT_FOUND')) {
    return (
      <div className="user-detail-page">
        <NotFound />
      </div>
    )
  }

  return (
    <div className="user-detail-page" data-testid="user-detail" data-state={user.isPending ? 'loading' : user.isError ? 'error' : 'ready'}>
      <BackLink />
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
          <Typography.Paragraph type="secondary">{t('userDetail.readOnlyHint')}</Typography.Paragraph>
          <Descriptions
            bordered
            size="middle"
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={detailItems(user.data, t, language)}
          />
        </Card>
      )}
    </div>
  )
}
