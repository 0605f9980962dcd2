import { ExportOutlined } from '@ant-design/icons'
import { Alert, Checkbox, Form, Input, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CompanyUser } from '../../../shared/companies'
import { userLimits, type UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { useCapabilities } from '../../app/use-capabilities'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { FreshPerOpening } from '../../components/action-dialog/fresh-per-opening'
import { useActionNotice } from '../../components/action-dialog/use-action-notice'
import { errorCodeOf } from '../../components/error-text'
import { NewPasswordField } from '../../components/password/NewPasswordField'
import { withTranslatedFieldIssues } from '../new-user/create-portal-user'
import { usePortalUserRules } from '../new-user/portal-user-rules'
import { useUserDetail } from '../users/user-queries'
import { changeCredentials, type CredentialsChange, type ServerLogin } from './change-credentials'
import { useRefreshAfterUserChange } from './company-queries'

interface FieldsProps {
  user: CompanyUser
  detail: UserDetail | undefined
  administrator: boolean
  onLeave: () => void
}

function EditCredentialsFields({ user, detail, administrator, onLeave }: FieldsProps) {
  const { t } = useTranslation()
  const rules = usePortalUserRules()
  const form = Form.useFormInstance<CredentialsChange>()
  const login = Form.useWatch('login', form)
  const noEmail = detail !== undefined && !detail.email
  // The notification goes to the user's email: without one the server would refuse it.
  useEffect(() => {
    if (noEmail) form.setFieldValue('notify', false)
  }, [noEmail, form])
  return (
    <>
      <Link to={`/users/${user.id}`} onClick={onLeave} className="edit-credentials-link" data-testid="open-full-user-page">
        <ExportOutlined aria-hidden /> {t('companies.edit.openFullPage')}
      </Link>
      {user.status === 'archived' ? <Alert type="warning" showIcon title={t('companies.edit.archived')} style={{ marginBottom: 12 }} data-testid="edit-credentials-archived" /> : null}
      <Form.Item name="login" label={t('companies.edit.username')} rules={rules.login} validateFirst extra={administrator ? undefined : t('companies.edit.usernameAdminOnly')}>
        <Input autoComplete="off" spellCheck={false} maxLength={userLimits.login} disabled={!administrator} data-testid="edit-credentials-login" />
      </Form.Item>
      <NewPasswordField label={t('companies.edit.newPassword')} userInputs={[login, user.name, detail?.email]} autoFocus testId="edit-credentials-password" />
      <Form.Item name="mustChange" valuePropName="checked" extra={administrator ? undefined : t('companies.edit.mustChangeSupport')} style={{ marginBottom: 4 }}>
        <Checkbox disabled={!administrator} data-testid="edit-credentials-must-change">
          {t('companies.edit.mustChange')}
        </Checkbox>
      </Form.Item>
      <Form.Item name="notify" valuePropName="checked" extra={noEmail ? t('companies.edit.noEmail') : undefined}>
        <Checkbox disabled={noEmail} data-testid="edit-credentials-notify">
          {t('companies.edit.notify')}
        </Checkbox>
      </Form.Item>
    </>
  )
}

/**
 * The row's Edit: Prim.io's "set a new password" and "set a new password and username". The username
 * comes prefilled; the full user page is one link away for everything else.
 */
export function EditCredentialsDialog({ user, open, onClose }: { user: CompanyUser | null; open: boolean; onClose: () => void }) {
  return (
    <FreshPerOpening open={open} userId={user?.id}>
      {user ? <EditCredentialsFor user={user} open={open} onClose={onClose} /> : null}
    </FreshPerOpening>
  )
}

/** One opening for one user: the prefilled username, the user read and a rename made are that user's. */
function EditCredentialsFor({ user, open, onClose }: { user: CompanyUser; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const notice = useActionNotice()
  const refresh = useRefreshAfterUserChange()
  // Changing a login (and waiving "must change at next sign-in") is for roles that may change logins.
  const administrator = useCapabilities().can('users.changeLogin', 'portal')
  const detail = useUserDetail(open ? user.id : null)
  // What the server holds after a rename this opening made, so that a retry does not rename twice.
  const renamed = useRef<ServerLogin | null>(null)

  const serverLogin = async (): Promise<ServerLogin> => {
    if (renamed.current) return renamed.current
    const read = detail.data ?? (await detail.refetch({ throwOnError: true })).data
    if (!read) throw detail.error ?? new Error('The user could not be read.')
    return { login: read.login, version: read.version }
  }

  return (
    <ActionDialog<CredentialsChange>
      open={open}
      title={t('companies.edit.title')}
      target={{ id: user.id, name: user.name, login: user.username }}
      consequence={<Typography.Paragraph>{t('companies.edit.consequence')}</Typography.Paragraph>}
      confirmLabel={t('companies.edit.confirm')}
      initialValues={{ login: user.username, mustChange: true, notify: true }}
      testId="edit-credentials-dialog"
      childTakesFocus
      onConfirm={async (values, audit) => {
        try {
          await changeCredentials(desk, user.id, await serverLogin(), { ...values, mustChange: administrator ? values.mustChange : true }, audit, (applied) => {
            renamed.current = applied
          })
        } catch (error) {
          // A stale version: read the user again, so that Confirm once more applies the edit on top.
          if (errorCodeOf(error) === 'CONFLICT') void detail.refetch()
          if (renamed.current) void refresh(user.id)
          throw withTranslatedFieldIssues(error, t)
        }
        await refresh(user.id)
        const login = renamed.current?.login ?? user.username
        notice(login === user.username ? t('companies.edit.changed', { name: user.name }) : t('companies.edit.changedWithLogin', { name: user.name, login }), {
          userId: user.id,
          action: 'password.set'
        })
      }}
      onClose={onClose}
    >
      <EditCredentialsFields user={user} detail={detail.data} administrator={administrator} onLeave={onClose} />
    </ActionDialog>
  )
}
