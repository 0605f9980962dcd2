import { CopyOutlined } from '@ant-design/icons'
import { Button, Form, Input, QRCode, Space, Steps, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldIssues, type DeskErrorShape } from '../../../shared/errors'
import type { OwnTwoFactorSetup } from '../../../shared/operator-account'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorCodeOf } from '../../components/error-text'
import { useBeginOwnTwoFactor, useConfirmOwnTwoFactor } from './account-queries'

/** The secret in groups of four, as authenticator apps show it: easier to read aloud and to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * Turning one's own TOTP on: the password first (a stolen session cannot tie the account to another
 * phone), then the QR code (antd's QRCode) with the key for typing by hand, then a code from the app.
 * A wrong password or code stays on its step with the reason next to the field.
 */
export function TwoFactorSetup({ onCancel, onDone }: { onCancel?: () => void; onDone?: () => void }) {
  const { t } = useTranslation()
  const [setup, setSetup] = useState<OwnTwoFactorSetup | null>(null)
  const [passwordForm] = Form.useForm<{ password: string }>()
  const [codeForm] = Form.useForm<{ code: string }>()
  const begin = useBeginOwnTwoFactor()
  const confirm = useConfirmOwnTwoFactor()
  const [copied, setCopied] = useState(false)

  const start = ({ password }: { password: string }) =>
    begin.mutate(password, {
      onSuccess: (created) => setSetup(created),
      onError: (error) => {
        if (errorCodeOf(error) !== 'INVALID_CREDENTIALS') return
        passwordForm.setFields([{ name: 'password', value: '', errors: [t('account.twoFactor.passwordWrong')] }])
        passwordForm.focusField('password')
      }
    })

  const verify = ({ code }: { code: string }) =>
    confirm.mutate(code.replace(/\s+/g, ''), {
      onSuccess: () => onDone?.(),
      onError: (error) => {
        if (errorCodeOf(error) !== 'VALIDATION') return
        // The server names the field `code` in both cases; only an expired setup says no setup is waiting.
        const expired = fieldIssues((error as { details?: DeskErrorShape['details'] }).details).some((issue) => /no setup is waiting/i.test(issue.message))
        codeForm.setFields([{ name: 'code', value: '', errors: [t(expired ? 'account.twoFactor.setupExpired' : 'account.twoFactor.codeWrong')] }])
        codeForm.focusField('code')
      }
    })

  const copyKey = async () => {
    if (!setup) return
    await navigator.clipboard.writeText(setup.secret)
    setCopied(true)
  }

  return (
    <div data-testid="two-factor-setup" className="two-factor-setup">
      <Steps
        size="small"
        current={setup ? 1 : 0}
        items={[{ title: t('account.twoFactor.steps.password') }, { title: t('account.twoFactor.steps.scan') }, { title: t('account.twoFactor.steps.done') }]}
        style={{ marginBottom: 24, maxWidth: 560 }}
      />
      {setup === null ? (
        <Form form={passwordForm} layout="vertical" onFinish={start} requiredMark={false} style={{ maxWidth: 400 }} disabled={begin.isPending}>
          <Typography.Paragraph>{t('account.twoFactor.confirmIdentity')}</Typography.Paragraph>
          <Form.Item name="password" label={t('account.twoFactor.password')} rules={[{ required: true, message: t('account.twoFactor.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus data-testid="two-factor-password" />
          </Form.Item>
          {begin.isError && errorCodeOf(begin.error) !== 'INVALID_CREDENTIALS' ? <ErrorAlert error={begin.error} testId="two-factor-setup-error" /> : null}
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={begin.isPending} data-testid="two-factor-next">
              {t('account.twoFactor.next')}
            </Button>
            {onCancel ? <Button onClick={onCancel}>{t('account.twoFactor.cancel')}</Button> : null}
          </Space>
        </Form>
      ) : (
        <div className="two-factor-scan">
          <Typography.Paragraph>{t('account.twoFactor.scanIntro')}</Typography.Paragraph>
          <div className="two-factor-qr" role="img" aria-label={t('account.twoFactor.qrLabel')} data-testid="two-factor-qr" data-otpauth={setup.otpauthUri}>
            {/* Dark on white in both themes: authenticator apps read that best. */}
            <QRCode value={setup.otpauthUri} type="svg" color="#000000" bgColor="#ffffff" size={184} bordered={false} />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('account.twoFactor.manual')}
          </Typography.Paragraph>
          <Space>
            <Typography.Text code data-testid="two-factor-secret" data-secret={setup.secret}>
              {grouped(setup.secret)}
            </Typography.Text>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copyKey()} data-testid="two-factor-copy-key">
              {copied ? t('password.copied') : t('account.twoFactor.copyKey')}
            </Button>
          </Space>
          <Form form={codeForm} layout="vertical" onFinish={verify} requiredMark={false} style={{ maxWidth: 280, marginTop: 16 }} disabled={confirm.isPending}>
            <Form.Item
              name="code"
              label={t('account.twoFactor.code')}
              rules={[
                { required: true, message: t('account.twoFactor.codeRequired') },
                { pattern: /^\s*\d{3}\s*\d{3}\s*$/, message: t('account.twoFactor.codeFormat') }
              ]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={7} autoFocus data-testid="two-factor-code" />
            </Form.Item>
            {confirm.isError && errorCodeOf(confirm.error) !== 'VALIDATION' ? <ErrorAlert error={confirm.error} testId="two-factor-confirm-error" /> : null}
            <Space style={{ marginTop: 8 }}>
              <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="two-factor-verify">
                {t('account.twoFactor.verify')}
              </Button>
              {onCancel ? <Button onClick={onCancel}>{t('account.twoFactor.cancel')}</Button> : null}
            </Space>
          </Form>
        </div>
      )}
    </div>
  )
}
