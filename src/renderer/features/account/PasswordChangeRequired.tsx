import { KeyOutlined, LogoutOutlined } from '@ant-design/icons'
import { Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Operator } from '../../../shared/auth'
import { useSignOut } from '../../app/session'
import { ChangeOwnPassword } from './ChangeOwnPassword'
import './account.css'

/**
 * What an operator sees instead of the desk after signing in with a temporary password: the portal
 * answers nothing else until they choose their own. When it is changed, main reads the operator
 * again and the desk opens where they were going.
 */
export function PasswordChangeRequired({ operator }: { operator: Operator }) {
  const { t } = useTranslation()
  const signOut = useSignOut()
  return (
    <main className="account-page" data-testid="password-change-required">
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          <KeyOutlined aria-hidden /> {t('account.mustChange.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('account.mustChange.body')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('account.mustChange.why')}</Typography.Paragraph>
        <ChangeOwnPassword operator={operator} temporary />
        <Button type="link" icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending} style={{ paddingInline: 0, marginTop: 16 }}>
          {t('account.guide.signOut')}
        </Button>
      </Card>
    </main>
  )
}
