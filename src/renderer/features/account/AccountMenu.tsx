import { KeyOutlined, LaptopOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown, Typography } from 'antd'
import { useState } from 'react'
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
  const [open, setOpen] = useState(false)
  // While a temporary password or OPERATOR_2FA holds the operator back the desk shows only what they
  // must do: offer nothing that would lead elsewhere.
  const pages = operator.passwordChangeRequired || operator.twoFactorSetupRequired
    ? []
    : [
        { key: 'password', icon: <KeyOutlined />, label: t('account.tabs.password') },
        { key: 'two-factor', icon: <SafetyCertificateOutlined />, label: t('account.tabs.twoFactor') },
        { key: 'sessions', icon: <LaptopOutlined />, label: t('account.tabs.sessions') },
        { type: 'divider' as const }
      ]
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        'aria-label': t('account.menu'),
        items: [...pages, { key: 'sign-out', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true }],
        onClick: ({ key }) => {
          setOpen(false)
          if (key === 'sign-out') onSignOut()
          else void navigate(`/account/${key}`)
        }
      }}
    >
      <Button
        type="text"
        data-testid="account-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('account.menuLabel', { name: operator.name })}
        title={t('header.signedInAs', { name: operator.name, role: roleLabel })}
      >
        <UserOutlined aria-hidden />
        <Typography.Text data-testid="operator-name" style={{ maxWidth: 160 }} ellipsis>
          {operator.name}
        </Typography.Text>
      </Button>
    </Dropdown>
  )
}
