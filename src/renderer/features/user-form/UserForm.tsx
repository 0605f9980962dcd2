import { Alert, Form, Input, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { useOperator } from '../../app/session'
import { useCapabilities } from '../../app/use-capabilities'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { reasonMaxLength } from '../../components/action-dialog/audit-fields'
import { ErrorAlert } from '../../components/ErrorAlert'
import { AddressFields } from './AddressFields'
import { CompanyFields } from './CompanyFields'
import { ConflictPanel } from './ConflictPanel'
import { ContactFields } from './ContactFields'
import { isSaveShortcut, useUnsavedChangesGuard } from './dirty-guard'
import { DocumentLockNotice } from './DocumentLockNotice'
import { FormFooter } from './FormFooter'
import type { UserFormValues } from './form-values'
import { IdentityFields } from './IdentityFields'
import { PreferenceFields } from './PreferenceFields'
import { UnsavedChangesModal } from './UnsavedChangesModal'
import { useFieldRules } from './use-field-rules'
import { useUserForm } from './use-user-form'
import { UserFacts } from './UserFacts'
import { SaveConfirmation } from './SaveConfirmation'
import './user-form.css'

/**
 * The General tab: the user's record as one form. Changes are checked as they are typed, sent
 * together with Save (only the changed fields, with the version that was read), and never lost: a
 * failed save keeps every value; leaving asks first; a 409 shows what changed on the server.
 */
export function UserForm({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const operator = useOperator()
  const [form] = Form.useForm<UserFormValues>()
  const controller = useUserForm(user, form)
  const { base, dirty, saving, conflict } = controller
  const blocker = useUnsavedChangesGuard(dirty)
  const [unlocking, setUnlocking] = useState(false)
  const capabilities = useCapabilities()
  // A role that may not edit users (support) reads the form; the notice above it says so.
  const editable = capabilities.can('users.update', base.kind) && !base.deletedAt
  const today = useMemo(() => dayjs().format('YYYY-MM-DD'), [])
  const context = useMemo(() => ({ kind: base.kind, hasCompany: base.companyId !== null, today }), [base.kind, base.companyId, today])
  const rules = useFieldRules(context)
  const [initialValues] = useState(controller.baseValues)

  // Ctrl+S / ⌘S saves from anywhere on the page, unless a dialog has the operator's attention.
  const shortcut = useRef(() => undefined as void)
  shortcut.current = () => {
    if (!editable || !dirty || saving || conflict || unlocking || controller.confirming || blocker.state === 'blocked') return
    void controller.requestSave()
  }
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return
      event.preventDefault()
      shortcut.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const state = saving ? 'saving' : conflict ? 'conflict' : controller.failure ? 'error' : dirty ? 'dirty' : 'clean'
  return (
    <div className="user-form" data-testid="user-form" data-state={state} data-version={base.version}>
      <UserFacts user={base} />
      {!editable ? (
        <Alert type="info" showIcon className="user-form__notice" data-testid="user-form-read-only" title={base.deletedAt ? t('userForm.readOnly.deleted') : t('userForm.readOnly.support')} />
      ) : null}
      <ConflictPanel controller={controller} />
      <DocumentLockNotice controller={controller} canUnlock={editable} onUnlock={() => setUnlocking(true)} />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!editable || saving}
        onValuesChange={() => controller.setValues(controller.currentValues())}
        onFinish={() => void controller.requestSave()}
        requiredMark
        scrollToFirstError={{ block: 'center', focus: true }}
        aria-label={t('userForm.formLabel', { name: base.name })}
        className="user-form__form"
      >
        <IdentityFields user={base} rules={rules} controller={controller} editable={editable} />
        <ContactFields rules={rules} today={today} />
        <CompanyFields user={base} rules={rules} controller={controller} />
        <AddressFields rules={rules} countryLocked={controller.locked} />
        <PreferenceFields user={base} rules={rules} ownAccount={operator?.id === base.id} />
      </Form>
      {controller.failure ? (
        <div className="user-form__failure">
          <ErrorAlert error={controller.failure} title={t('userForm.saveFailed')} testId="user-form-error" />
          <Typography.Text type="secondary">{t('userForm.keptEdits')}</Typography.Text>
        </div>
      ) : null}
      {editable ? (
        <FormFooter dirty={dirty} saving={saving} blocked={conflict !== null} onSave={() => void controller.requestSave()} onDiscard={controller.discard} />
      ) : null}
      <UnsavedChangesModal blocker={blocker} name={base.name} />
      <SaveConfirmation controller={controller} />
      <ActionDialog<{ lockReason: string }>
        open={unlocking}
        title={t('userForm.lock.dialogTitle')}
        target={{ id: base.id, name: base.name, login: base.login }}
        consequence={<Typography.Paragraph>{t('userForm.lock.dialogConsequence')}</Typography.Paragraph>}
        confirmLabel={t('userForm.lock.confirm')}
        withoutAudit
        onConfirm={(values) => {
          controller.setOverride({ reason: values.lockReason.trim() })
          return Promise.resolve()
        }}
        onClose={() => setUnlocking(false)}
        testId="unlock-dialog"
      >
        <Form.Item name="lockReason" label={t('actionDialog.reason')} rules={[{ required: true, whitespace: true, message: t('userForm.lock.reasonRequired') }, { max: reasonMaxLength, message: t('actionDialog.reasonTooLong') }]}>
          <Input autoFocus maxLength={reasonMaxLength} placeholder={t('actionDialog.reasonPlaceholder')} data-testid="unlock-reason" />
        </Form.Item>
      </ActionDialog>
    </div>
  )
}
