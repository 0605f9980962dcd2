import { Alert, Button, Form, Input, Modal, Space, Typography, type FormInstance } from 'antd'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import { useDeskClient } from '../../app/desk-client'
import { useOperator } from '../../app/session'
import { ErrorAlert } from '../ErrorAlert'
import { errorCodeOf } from '../error-text'
import { auditContextOf, isValidTicketRef, reasonMaxLength, type AuditFieldValues } from './audit-fields'
import { fieldErrorsOf } from './field-errors'
import { FreshPerOpening } from './fresh-per-opening'

/** The user an action is about, named in the dialog. */
export interface ActionTarget {
  id: number
  name: string
  login: string
}

export interface ActionDialogProps<V extends object> {
  open: boolean
  title: string
  /** The user the action is about; the dialog names them. */
  target?: ActionTarget
  /** What will happen, in words: the consequence the operator confirms. */
  consequence: ReactNode
  confirmLabel: string
  danger?: boolean
  /** The operator must type this exactly (the user's login) before the action runs. */
  confirmText?: string
  /** Extra form items (antd `Form.Item`s named after the keys of V). */
  children?: ReactNode | ((form: FormInstance<V & AuditFieldValues>) => ReactNode)
  initialValues?: Partial<V>
  /** Hides the ticket and reason fields (for actions that are not audited, such as reading). */
  withoutAudit?: boolean
  /** Runs the action; a thrown DeskError keeps the dialog open with the error in words. */
  onConfirm(values: V, audit: AuditContext): Promise<void>
  onClose(): void
  testId?: string
  /** A field among the children has autoFocus: the ticket field does not take the first focus from it. */
  childTakesFocus?: boolean
  /** The refusal in the operator's words when the code's general message would not say why (or null). */
  explainError?: (error: unknown) => string | null
}

type Step = { kind: 'form' } | { kind: 'reauth'; pending: { values: object; audit: AuditContext } }

/**
 * The one confirmation dialog of every operator action: it names the user and the consequence, takes
 * an optional ticket reference and reason (required of support agents), runs the action and waits for
 * the server. Enter confirms, Esc cancels, focus returns to the button that opened it. When the server
 * asks for a fresh identity check (REAUTH_REQUIRED) it asks for the operator's password and retries.
 *
 * Each opening is a new dialog, form store included: nothing typed, chosen, refused or still busy for
 * one user shows when it opens again, for them or anyone else, even before the close animation ended.
 */
export function ActionDialog<V extends object>(props: ActionDialogProps<V>) {
  return (
    <FreshPerOpening open={props.open} userId={props.target?.id}>
      <OneOpening<V> {...props} />
    </FreshPerOpening>
  )
}

function OneOpening<V extends object>(props: ActionDialogProps<V>) {
  const { open, title, target, consequence, confirmLabel, danger, confirmText, children, initialValues, withoutAudit, onConfirm, onClose, testId = 'action-dialog', explainError, childTakesFocus } = props
  const { t } = useTranslation()
  const desk = useDeskClient()
  const operator = useOperator()
  const ticketRequired = operator?.role === 'support' && !withoutAudit
  const [form] = Form.useForm<V & AuditFieldValues & { confirmation?: string }>()
  const [reauthForm] = Form.useForm<{ password: string }>()
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // Set at once, unlike `busy`: a second Enter or click before the next render must not ask the server twice.
  const working = useRef(false)
  const exclusive = async (task: () => Promise<void>) => {
    if (working.current) return
    working.current = true
    try {
      await task()
    } finally {
      working.current = false
    }
  }

  const run = async (values: object, audit: AuditContext) => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm(values as V, audit)
      setStep({ kind: 'form' })
      onClose()
    } catch (failure) {
      if (errorCodeOf(failure) === 'REAUTH_REQUIRED') {
        setStep({ kind: 'reauth', pending: { values, audit } })
      } else {
        setError(failure)
        const fields = fieldErrorsOf(failure, Object.keys(form.getFieldsValue(true) as object))
        if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0])
      }
    } finally {
      setBusy(false)
    }
  }

  const submit = async (all: V & AuditFieldValues & { confirmation?: string }) => {
    const { ticketRef, reason, confirmation: _confirmation, ...values } = all
    await exclusive(() => run(values, withoutAudit ? undefined : auditContextOf({ ticketRef, reason })))
  }

  const reauthenticate = ({ password }: { password: string }) =>
    exclusive(async () => {
      if (step.kind !== 'reauth') return
      setBusy(true)
      setError(null)
      try {
        await desk.auth.reauth({ password })
      } catch (failure) {
        setError(failure)
        setBusy(false)
        return
      }
      reauthForm.resetFields()
      setStep({ kind: 'form' })
      await run(step.pending.values, step.pending.audit)
    })

  const cancel = () => {
    if (busy) return
    setStep({ kind: 'form' })
    setError(null)
    onClose()
  }

  return (
    <Modal
      open={open}
      title={step.kind === 'reauth' ? t('actionDialog.reauthTitle') : title}
      onCancel={cancel}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      keyboard={!busy}
      data-testid={testId}
    >
      <div data-testid={testId} data-step={step.kind} data-busy={busy ? 'true' : 'false'}>
        {step.kind === 'reauth' ? (
          <Form form={reauthForm} layout="vertical" onFinish={(values) => void reauthenticate(values)} requiredMark>
            <Typography.Paragraph>{t('actionDialog.reauthExplain')}</Typography.Paragraph>
            <Form.Item name="password" label={t('actionDialog.reauthPassword')} rules={[{ required: true, message: t('actionDialog.reauthRequired') }]}>
              <Input.Password autoFocus autoComplete="current-password" data-testid="reauth-password" />
            </Form.Item>
            {error ? <ErrorAlert error={error} testId="action-error" /> : null}
            <DialogButtons busy={busy} onCancel={cancel} confirmLabel={t('actionDialog.reauthContinue')} testId="reauth-confirm" />
          </Form>
        ) : (
          <Form form={form} layout="vertical" initialValues={initialValues as never} onFinish={(values) => void submit(values)} requiredMark>
            {target ? (
              <Typography.Paragraph strong data-testid="action-target">
                {t('actionDialog.target', { name: target.name, login: target.login })}
              </Typography.Paragraph>
            ) : null}
            <div className="action-consequence" data-testid="action-consequence">
              {consequence}
            </div>
            {typeof children === 'function' ? children(form as never) : children}
            {withoutAudit ? null : (
              <>
                <Form.Item
                  name="ticketRef"
                  label={t('actionDialog.ticketRef')}
                  extra={ticketRequired ? t('actionDialog.ticketRequired') : undefined}
                  rules={[
                    { required: ticketRequired, whitespace: true, message: t('actionDialog.ticketRequired') },
                    { validator: (_rule, value: string | undefined) => (isValidTicketRef(value ?? '') ? Promise.resolve() : Promise.reject(new Error(t('actionDialog.ticketInvalid')))) }
                  ]}
                >
                  <Input autoFocus={!confirmText && !childTakesFocus} placeholder={t('actionDialog.ticketRefPlaceholder')} data-testid="action-ticket" maxLength={64} />
                </Form.Item>
                <Form.Item name="reason" label={t('actionDialog.reason')} rules={[{ max: reasonMaxLength, message: t('actionDialog.reasonTooLong') }]}>
                  <Input placeholder={t('actionDialog.reasonPlaceholder')} data-testid="action-reason" />
                </Form.Item>
              </>
            )}
            {confirmText ? (
              <Form.Item
                name="confirmation"
                label={t('actionDialog.typeToConfirm', { text: confirmText })}
                rules={[{ validator: (_rule, value: string | undefined) => (value === confirmText ? Promise.resolve() : Promise.reject(new Error(t('actionDialog.typeMismatch', { text: confirmText })))) }]}
              >
                <Input autoFocus autoComplete="off" data-testid="action-confirmation" />
              </Form.Item>
            ) : null}
            {error ? <ActionFailure error={error} explanation={explainError?.(error) ?? null} /> : null}
            <DialogButtons busy={busy} onCancel={cancel} confirmLabel={confirmLabel} danger={danger} testId="action-confirm" />
          </Form>
        )}
      </div>
    </Modal>
  )
}

/** Why the action failed: the caller's explanation when it has one, else the code's message. */
function ActionFailure({ error, explanation }: { error: unknown; explanation: string | null }) {
  const { t } = useTranslation()
  if (explanation === null) return <ErrorAlert error={error} title={t('actionDialog.failed')} testId="action-error" />
  return <Alert type="error" showIcon role="alert" data-testid="action-error" data-error-code={errorCodeOf(error)} title={t('actionDialog.failed')} description={explanation} />
}

function DialogButtons({ busy, onCancel, confirmLabel, danger, testId }: { busy: boolean; onCancel: () => void; confirmLabel: string; danger?: boolean; testId: string }) {
  const { t } = useTranslation()
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
      <Button onClick={onCancel} disabled={busy} data-testid="action-cancel">
        {t('actionDialog.cancel')}
      </Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid={testId}>
        {confirmLabel}
      </Button>
    </Space>
  )
}
