import { Checkbox, Form, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { DeskError, fieldIssues, type FieldIssue } from '../../../shared/errors'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { MailNotice } from '../mail/MailState'
import { NewPasswordField } from '../../components/password/NewPasswordField'
import { SecurityDialog } from './SecurityDialog'
import { useSecurityAction } from './use-security-action'

interface ChangePasswordValues {
  password: string
  mustChange: boolean
  notify: boolean
}

/** The server's policy refusals (src/server/domain/passwords/policy.ts) in the operator's language. */
function policyMessage(message: string, t: TFunction): string {
  if (/at least/i.test(message)) return t('security.password.change.policy.tooShort')
  if (/at most/i.test(message)) return t('security.password.change.policy.tooLong')
  if (/control characters/i.test(message)) return t('security.password.change.policy.control')
  return t('security.password.change.policy.tooWeak')
}

/** A VALIDATION on `password` goes to the field, in words the operator reads. */
function withPolicyWords(error: unknown, t: TFunction): unknown {
  if (!(error instanceof DeskError) || error.code !== 'VALIDATION') return error
  const issues = fieldIssues(error.details)
  if (!issues.some((issue) => issue.path === 'password')) return error
  const translated: FieldIssue[] = issues.map((issue) => (issue.path === 'password' ? { path: issue.path, message: policyMessage(issue.message, t) } : issue))
  return new DeskError(error.code, error.message, translated)
}

/**
 * Odoo's Change password wizard: the user's login, the new password (Show/Hide, Suggest password,
 * strength and policy), "must change at next sign-in" and "notify by email", both on by default.
 * A user without an email cannot be notified: that box starts off and says why.
 */
export function ChangePasswordDialog({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const hasEmail = Boolean(user.email)

  return (
    <SecurityDialog<ChangePasswordValues>
      user={user}
      open={open}
      onClose={onClose}
      testId="change-password-dialog"
      childTakesFocus
      title={t('security.password.change.title')}
      confirmLabel={t('security.password.change.button')}
      consequence={t('security.password.change.consequence')}
      initialValues={{ mustChange: true, notify: hasEmail }}
      onConfirm={async (values, audit) => {
        try {
          await perform(() => desk.security.setPassword({ id: user.id, password: values.password, mustChange: values.mustChange, notify: values.notify, audit }), {
            changes: ['detail', 'lists', 'sessions', 'resetLink', 'signIns'],
            auditAction: 'password.set',
            notice: (result) => <MailNotice headline={t('security.password.change.done', { name: user.name })} mailId={result.mailId} />
          })
        } catch (error) {
          throw withPolicyWords(error, t)
        }
      }}
    >
      <Form.Item label={t('security.password.change.login')}>
        <Typography.Text strong copyable data-testid="change-password-login">
          {user.login}
        </Typography.Text>
      </Form.Item>
      <NewPasswordField autoFocus userInputs={[user.login, user.name, user.firstName, user.lastName, user.email, ...(user.emails ?? [])]} testId="new-password" />
      <Form.Item name="mustChange" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox data-testid="change-password-must-change">{t('security.password.change.mustChange')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="notify"
        valuePropName="checked"
        extra={hasEmail ? t('security.password.change.notifyHint') : t('security.password.change.notifyNoEmail')}
      >
        <Checkbox disabled={!hasEmail} data-testid="change-password-notify">
          {t('security.password.change.notify')}
        </Checkbox>
      </Form.Item>
    </SecurityDialog>
  )
}
