import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSignOut } from '../../app/session'
import { TwoFactorSetup } from './TwoFactorSetup'
import './account.css'

/**
 * What an administrator sees instead of the desk while the portal's OPERATOR_2FA policy waits for
 * their TOTP setup: why, and the setup itself. When the code is verified the session is read again
 * and the desk opens where they were going.
 */
export function TwoFactorRequiredGuide() {
  const { t } = useTranslation()
  const signOut = useSignOut()
  return (
    <main className="account-page" data-testid="two-factor-required">
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          <SafetyCertificateOutlined aria-hidden /> {t('account.guide.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('account.guide.body')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('account.guide.why')}</Typography.Paragraph>
        <TwoFactorSetup />
        <Button type="link" icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending} style={{ paddingInline: 0, marginTop: 16 }}>
          {t('account.guide.signOut')}
        </Button>
      </Card>
    </main>
  )
}
