import { KeyOutlined, LaptopOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Operator } from '../../../shared/auth'

/**
 * The operator's name in the header opens "My account": password, two-factor authentication,
 * sessions, sign out. A button (Enter / Space / arrow keys), so it works without a mouse.
 */
export function AccountMenu({ operator, roleLabel, onSignOut }: { operator: Operator; roleLabel: string; onSignOut: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('account.tabs.password') },
          { key: 'two-factor', icon: <SafetyCertificateOutlined />, label: t('account.tabs.twoFactor') },
          { key: 'sessions', icon: <LaptopOutlined />, label: t('account.tabs.sessions') },
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true }
        ],
        onClick: ({ key }) => (key === 'sign-out' ? onSignOut() : void navigate(`/account/${key}`))
      }}
    >
      <Button type="text" data-testid="account-menu" aria-label={t('account.menuLabel', { name: operator.name })} title={t('header.signedInAs', { name: operator.name, role: roleLabel })}>
        <UserOutlined aria-hidden />
        <Typography.Text data-testid="operator-name" style={{ maxWidth: 160 }} ellipsis>
          {operator.name}
        </Typography.Text>
      </Button>
    </Dropdown>
  )
}
