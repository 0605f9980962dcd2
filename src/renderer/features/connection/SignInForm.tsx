import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Form, Input, Typography, type InputRef } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionState } from '../../../shared/session'
import { useSignIn } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useAppStores } from '../../stores/app-stores'

interface Credentials {
  login: string
  password: string
}

/**
 * Login and password for the selected portal. A refusal is explained next to the form; the login
 * stays as typed, the password is cleared and gets the focus for the next try.
 */
export function SignInForm({ session }: { session: SessionState }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Credentials>()
  const signIn = useSignIn()
  const { sessionNotice } = useAppStores()
  const loginInput = useRef<InputRef>(null)
  const passwordInput = useRef<InputRef>(null)
  const noConnection = session.activeConnectionId === null

  useEffect(() => {
    const firstEmpty = form.getFieldValue('login') ? passwordInput : loginInput
    firstEmpty.current?.focus()
  }, [form])

  const submit = (credentials: Credentials) => {
    signIn.mutate(
      { login: credentials.login.trim(), password: credentials.password },
      {
        onSuccess: () => sessionNotice.getState().clear(),
        onError: () => {
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
          <Input.Password ref={passwordInput} prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        {noConnection ? <Typography.Paragraph type="warning">{t('signIn.noConnection')}</Typography.Paragraph> : null}
        {signIn.isError ? (
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
