import { SafetyCertificateOutlined } from '@ant-design/icons'
import { App, Alert, Button, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorCodeOf } from '../../components/error-text'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { useDisableOwnTwoFactor, useOwnAccount } from './account-queries'
import { TwoFactorSetup } from './TwoFactorSetup'

function TurnOffDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const disable = useDisableOwnTwoFactor()
  const submit = ({ password }: { password: string }) =>
    disable.mutate(password, {
      onSuccess: () => {
        void message.success(t('account.twoFactor.turnedOff'))
        form.resetFields()
        onClose()
      },
      onError: (error) => {
        if (errorCodeOf(error) !== 'INVALID_CREDENTIALS') return
        form.setFields([{ name: 'password', value: '', errors: [t('account.twoFactor.passwordWrong')] }])
        form.focusField('password')
      }
    })
  return (
    <Modal
      open={open}
      title={t('account.twoFactor.turnOffTitle')}
      onCancel={onClose}
      okText={t('account.twoFactor.turnOff')}
      okButtonProps={{ danger: true, loading: disable.isPending, ...({ 'data-testid': 'two-factor-off-confirm' } as Record<`data-${string}`, string>) }}
      cancelText={t('account.twoFactor.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="two-factor-off-dialog"
    >
      <Typography.Paragraph>{t('account.twoFactor.turnOffConsequence')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('account.twoFactor.password')} rules={[{ required: true, message: t('account.twoFactor.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus data-testid="two-factor-off-password" />
        </Form.Item>
      </Form>
      {disable.isError && errorCodeOf(disable.error) !== 'INVALID_CREDENTIALS' ? <ErrorAlert error={disable.error} testId="two-factor-off-error" /> : null}
    </Modal>
  )
}

/** My TOTP: on since when, or off; turn it on (QR setup) or off (with the password, unless required). */
export function OwnTwoFactor() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const language = usePreferences((state) => state.language)
  const account = useOwnAccount()
  const [settingUp, setSettingUp] = useState(false)
  const [turningOff, setTurningOff] = useState(false)

  if (account.isPending) return <Skeleton active />
  if (account.isError) return <ErrorAlert error={account.error} onRetry={() => void account.refetch()} testId="account-error" />
  const { enabled, enabledAt, required } = account.data.twoFactor

  return (
    <section data-testid="account-two-factor" data-enabled={String(enabled)} className="account-section">
      <Typography.Paragraph type="secondary">{t('account.twoFactor.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <SafetyCertificateOutlined aria-hidden />
        {enabled ? (
          <Tag color="green" data-testid="two-factor-state">
            {t('account.twoFactor.on', { when: enabledAt ? describeInstant(enabledAt, language).exact : '' })}
          </Tag>
        ) : (
          <Tag data-testid="two-factor-state">{t('account.twoFactor.off')}</Tag>
        )}
        {required ? <Tag color="blue">{t('account.twoFactor.required')}</Tag> : null}
      </Space>
      {enabled ? (
        <div>
          {/* A disabled button takes no focus: the reason is visible text it points to, not a tooltip. */}
          <Button danger disabled={required} onClick={() => setTurningOff(true)} data-testid="two-factor-off" aria-describedby={required ? 'two-factor-off-reason' : undefined}>
            {t('account.twoFactor.turnOff')}
          </Button>
          {required ? (
            <Typography.Paragraph type="secondary" id="two-factor-off-reason" style={{ marginTop: 8 }}>
              {t('account.twoFactor.requiredCannotTurnOff')}
            </Typography.Paragraph>
          ) : null}
          <TurnOffDialog open={turningOff} onClose={() => setTurningOff(false)} />
        </div>
      ) : settingUp ? (
        <TwoFactorSetup
          onCancel={() => setSettingUp(false)}
          onDone={() => {
            setSettingUp(false)
            void message.success(t('account.twoFactor.enabled'))
          }}
        />
      ) : (
        <>
          {required ? <Alert type="warning" showIcon title={t('errors.TWO_FACTOR_REQUIRED')} style={{ marginBottom: 16, maxWidth: 560 }} /> : null}
          <Button type="primary" onClick={() => setSettingUp(true)} data-testid="two-factor-on">
            {t('account.twoFactor.turnOn')}
          </Button>
        </>
      )}
    </section>
  )
}
