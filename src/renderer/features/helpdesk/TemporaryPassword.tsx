import { CopyOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clipboardClearing } from './clipboard-clearing'

/**
 * The temporary password, shown once: it lives only in this component's parent state, which is
 * dropped when the agent leaves the step (another person, Next ticket, another screen). Copying it
 * schedules the clipboard to be emptied 30 seconds later if it still holds the password.
 */
export function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation()
  // The timer outlives this component on purpose: leaving the step must not keep the password in the clipboard.
  const clearing = useMemo(() => clipboardClearing(navigator.clipboard), [])
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <Alert
      type="info"
      showIcon
      data-testid="temporary-password"
      title={t('helpdesk.resolve.tempPasswordShown')}
      description={
        <Space orientation="vertical">
          <Typography.Text code copyable={false} data-testid="temporary-password-value" style={{ fontSize: 16 }}>
            {password}
          </Typography.Text>
          <Space>
            <Button
              icon={<CopyOutlined />}
              data-testid="copy-temporary-password"
              onClick={() => clearing.copy(password).then(() => setCopy('copied'), () => setCopy('failed'))}
            >
              {t('helpdesk.resolve.copy')}
            </Button>
            {copy === 'idle' ? null : (
              <Typography.Text type={copy === 'failed' ? 'danger' : 'secondary'} role="status" data-testid="copy-status" data-status={copy}>
                {copy === 'copied' ? t('helpdesk.resolve.copied') : t('helpdesk.resolve.copyFailed')}
              </Typography.Text>
            )}
          </Space>
        </Space>
      }
    />
  )
}
