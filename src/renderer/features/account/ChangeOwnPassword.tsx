import { App, Button, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { fieldIssues, type DeskErrorShape } from '../../../shared/errors'
import type { Operator } from '../../../shared/auth'
import { ErrorAlert } from '../../components/ErrorAlert'
import { NewPasswordField } from '../../components/password/NewPasswordField'
import { errorCodeOf } from '../../components/error-text'
import { useChangeOwnPassword } from './account-queries'

interface PasswordForm {
  currentPassword: string
  newPassword: string
  repeatPassword: string
}

/** The field a refusal belongs to, in words of the operator's language; null for a general failure. */
type RefusalKey = 'account.password.currentWrong' | 'account.password.sameAsCurrent' | 'account.password.refusedByServer'

function fieldOfRefusal(error: unknown): { name: keyof PasswordForm; key: RefusalKey } | null {
  const code = errorCodeOf(error)
  if (code === 'INVALID_CREDENTIALS') return { name: 'currentPassword', key: 'account.password.currentWrong' }
  if (code !== 'VALIDATION') return null
  const issue = fieldIssues((error as { details?: DeskErrorShape['details'] }).details).find((i) => i.path === 'newPassword')
  if (!issue) return null
  return { name: 'newPassword', key: issue.reason === 'sameAsCurrentPassword' ? 'account.password.sameAsCurrent' : 'account.password.refusedByServer' }
}

/**
 * OroCRM's "Change password" of My User: current, new and repeat. The new one gets the same strength
 * meter and policy as everywhere else; a refusal lands on its field, and nothing typed is lost but
 * the password that was wrong. `temporary`: the current password is the one an administrator set,
 * and this form is what the desk shows until it is replaced.
 */
export function ChangeOwnPassword({ operator, temporary = false }: { operator: Operator; temporary?: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<PasswordForm>()
  const change = useChangeOwnPassword()

  const submit = (values: PasswordForm) => {
    if (values.newPassword === values.currentPassword) {
      form.setFields([{ name: 'newPassword', errors: [t('account.password.sameAsCurrent')] }])
      form.focusField('newPassword')
      return
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: ({ sessionsRevoked }) => {
          form.resetFields()
          void message.success(sessionsRevoked > 0 ? t('account.password.changedSignedOut', { count: sessionsRevoked }) : t('account.password.changed'))
        },
        onError: (error) => {
          const field = fieldOfRefusal(error)
          if (!field) return
          form.setFields([{ name: field.name, errors: [t(field.key)], ...(field.name === 'currentPassword' ? { value: '' } : {}) }])
          form.focusField(field.name)
        }
      }
    )
  }

  return (
    <section data-testid="account-password" className="account-section">
      {temporary ? null : <Typography.Paragraph type="secondary">{t('account.password.intro')}</Typography.Paragraph>}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 440 }} disabled={change.isPending}>
        <Form.Item name="currentPassword" label={t(temporary ? 'account.password.temporary' : 'account.password.current')} rules={[{ required: true, message: t('account.password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus={temporary} data-testid="account-current-password" />
        </Form.Item>
        <NewPasswordField name="newPassword" label={t('account.password.new')} userInputs={[operator.login, operator.name]} testId="account-new-password" />
        <Form.Item
          name="repeatPassword"
          label={t('account.password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.password.repeatRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.password.mismatch'))
              }
            })
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-repeat-password" />
        </Form.Item>
        {change.isError && fieldOfRefusal(change.error) === null ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={change.error} testId="account-password-error" />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="account-password-submit">
          {t(temporary ? 'account.mustChange.submit' : 'account.password.submit')}
        </Button>
      </Form>
    </section>
  )
}
