import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { formValuesOf, patchOf } from './form-values'
import type { UserFormController } from './use-user-form'

/**
 * A save that changes the username or the role is confirmed first: it names the user and the
 * change, takes an optional ticket and reason, and (through ActionDialog) asks for the operator's
 * password when the server wants a fresh identity check, then saves.
 */
export function SaveConfirmation({ controller }: { controller: UserFormController }) {
  const { t } = useTranslation()
  const pending = controller.confirming
  const patch = pending ? patchOf(formValuesOf(pending.base), pending.values) : {}
  const base = pending?.base ?? controller.base
  const role = (value: string | null | undefined) => (value === 'administrator' || value === 'support' || value === 'user' ? t(`userDetail.roles.${value}`) : '—')
  return (
    <ActionDialog<object>
      open={pending !== null}
      title={t('userForm.confirm.title', { name: base.name })}
      target={{ id: base.id, name: base.name, login: base.login }}
      consequence={
        <>
          {patch.login !== undefined ? <Typography.Paragraph>{t('userForm.confirm.login', { from: base.login, to: patch.login })}</Typography.Paragraph> : null}
          {patch.role !== undefined ? <Typography.Paragraph>{t('userForm.confirm.role', { from: role(base.role), to: role(patch.role) })}</Typography.Paragraph> : null}
          <Typography.Paragraph type="secondary">{t('userForm.confirm.reauth')}</Typography.Paragraph>
        </>
      }
      confirmLabel={t('userForm.confirm.save')}
      onConfirm={(_values, audit) => controller.confirmSave(audit)}
      onClose={controller.closeConfirmation}
      testId="save-confirmation"
    />
  )
}
