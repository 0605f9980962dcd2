import { Button, Card, Tabs, Typography } from 'antd'
import { LogoutOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useOperator, useSignOut } from '../../app/session'
import { ChangeOwnPassword } from './ChangeOwnPassword'
import { OwnSessions } from './OwnSessions'
import { OwnTwoFactor } from './OwnTwoFactor'
import './account.css'

export const accountTabs = ['password', 'two-factor', 'sessions'] as const
export type AccountTab = (typeof accountTabs)[number]

/** "My account" (#/account/:tab): the operator's password, TOTP and sessions, and signing out. */
export function AccountPage() {
  const { t } = useTranslation()
  const operator = useOperator()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const { tab } = useParams()
  const active: AccountTab = accountTabs.includes(tab as AccountTab) ? (tab as AccountTab) : 'password'
  if (!operator) return null

  return (
    <main className="account-page" data-testid="account-page">
      <div className="account-page__head">
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('account.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('account.subtitle', { name: operator.name, login: operator.login, role: t(`userDetail.roles.${operator.role}`) })}</Typography.Text>
        </div>
        <Button icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()} data-testid="account-sign-out">
          {t('account.signOut')}
        </Button>
      </div>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => void navigate(`/account/${key}`)}
          destroyOnHidden
          items={[
            { key: 'password', label: t('account.tabs.password'), children: <ChangeOwnPassword operator={operator} /> },
            { key: 'two-factor', label: t('account.tabs.twoFactor'), children: <OwnTwoFactor /> },
            { key: 'sessions', label: t('account.tabs.sessions'), children: <OwnSessions /> }
          ]}
        />
      </Card>
    </main>
  )
}
