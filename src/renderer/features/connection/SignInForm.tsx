import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Form, Input, Typography, type InputRef } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../../shared/session'
import { useSignIn } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useAppStores } from '../../stores/app-stores'

interface Credentials {
  login: string
  password: string
  otp?: string
}

/** Whether a refusal came after a right password on an account with 2FA: the code is missing or wrong. */
function secondFactorOf(error: unknown): 'required' | 'invalid' | null {
  const details = (error as { details?: unknown } | null)?.details
  if (typeof details !== 'object' || details === null || !('otp' in details)) return null
  return details.otp === 'required' || details.otp === 'invalid' ? details.otp : null
}

/**
 * Login and password for the selected portal, then the authenticator code when the account has 2FA.
 * A refusal is explained next to the form; the login stays as typed, the password is cleared and gets
 * the focus for the next try. When only the code is missing or wrong, the password stays and the code
 * field takes the focus.
 */
export function SignInForm({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Credentials>()
  const signIn = useSignIn()
  const { sessionNotice } = useAppStores()
  const loginInput = useRef<InputRef>(null)
  const passwordInput = useRef<InputRef>(null)
  const otpInput = useRef<InputRef>(null)
  const [askForCode, setAskForCode] = useState(false)
  // Bumped at each request for a code, so that the field takes the focus every time, not only when it appears.
  const [codeRequests, setCodeRequests] = useState(0)
  const noConnection = session.activeConnectionId === null

  useEffect(() => {
    const firstEmpty = form.getFieldValue('login') ? passwordInput : loginInput
    firstEmpty.current?.focus()
  }, [form])

  useEffect(() => {
    if (codeRequests > 0) otpInput.current?.focus()
  }, [codeRequests])

  const submit = (credentials: Credentials) => {
    signIn.mutate(
      { login: credentials.login.trim(), password: credentials.password, ...(askForCode && credentials.otp ? { otp: credentials.otp.replace(/\s+/g, '') } : {}) },
      {
        onSuccess: () => sessionNotice.getState().clear(),
        onError: (error) => {
          const secondFactor = secondFactorOf(error)
          if (secondFactor) {
            setAskForCode(true)
            form.setFields([{ name: 'otp', value: '', errors: secondFactor === 'invalid' ? [t('account.signIn.otpWrong')] : [] }])
            setCodeRequests((count) => count + 1)
            return
          }
          setAskForCode(false)
          form.setFieldValue('password', '')
          passwordInput.current?.focus()
        }
      }
    )
  }

  return (
    <section data-testid="sign-in-form">
      <Typography.Title level={2} className="sign-in-section-title">
        {t('signIn.title')}
      </Typography.Title>
      <Form<Credentials> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={noConnection}>
        <Form.Item name="login" label={t('signIn.login')} rules={[{ required: true, whitespace: true, message: t('signIn.loginRequired') }]}>
          <Input ref={loginInput} prefix={<UserOutlined aria-hidden />} autoComplete="username" spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
          <Input.Password ref={passwordInput} prefix={<LockOutlined aria-hidden />} autoComplete="current-password" onChange={() => setAskForCode(false)} />
        </Form.Item>
        {askForCode ? (
          <Form.Item
            name="otp"
            label={t('account.signIn.otp')}
            extra={t('account.signIn.otpHint')}
            rules={[{ required: true, pattern: /^\s*\d{3}\s*\d{3}\s*$/, message: t('account.signIn.otpRequired') }]}
          >
            <Input ref={otpInput} prefix={<SafetyCertificateOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={7} data-testid="sign-in-otp" />
          </Form.Item>
        ) : null}
        {noConnection ? <Typography.Paragraph type="warning">{t('signIn.noConnection')}</Typography.Paragraph> : null}
        {signIn.isError && secondFactorOf(signIn.error) === null ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={signIn.error} testId="sign-in-error" />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
    </section>
  )
}
