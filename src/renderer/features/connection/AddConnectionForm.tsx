import { Alert, Button, Checkbox, Form, Input, Space, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useAddConnection } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { defaultConnectionColour, isUnencryptedRemote } from '../../../shared/connections'
import { ConnectionColourChoice } from './connection-colour'
import { connectionFormRules, invalidConnectionFields, type MarkableConnectionField, type NewConnectionFields } from './connection-form-rules'

/** Name and address of a remote portal; once added it becomes the portal to sign in to. */
export function AddConnectionForm({ onDone, canCancel }: { onDone: () => void; canCancel: boolean }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<NewConnectionFields>()
  const add = useAddConnection()
  const rules = useMemo(() => connectionFormRules(t), [t])
  const markedFields = add.isError ? invalidConnectionFields(add.error) : []
  const url = Form.useWatch('url', form)
  const unencrypted = typeof url === 'string' && isUnencryptedRemote(url)

  const fieldErrorText: Record<MarkableConnectionField, string> = {
    name: t('connection.nameRequired'),
    url: t('connection.urlInvalid'),
    allowUnencrypted: t('connection.unencryptedRequired')
  }

  const submit = ({ colour, allowUnencrypted, ...fields }: NewConnectionFields) => {
    // The default colour is what a profile without one shows: only a chosen colour is sent and saved;
    // the clear-text choice is sent only while the address needs it.
    const chosen = { ...fields, ...(colour && colour !== defaultConnectionColour ? { colour } : {}), ...(unencrypted && allowUnencrypted ? { allowUnencrypted: true } : {}) }
    add.mutate(chosen, {
      onSuccess: onDone,
      // Main checks again; if it refuses a field, mark that field the way the form itself would.
      onError: (error) =>
        form.setFields(
          invalidConnectionFields(error).map((name) => ({
            name,
            errors: [fieldErrorText[name]]
          }))
        )
    })
  }

  return (
    <section className="add-connection" data-testid="add-connection-form">
      <Typography.Title level={3} className="sign-in-subsection-title">
        {t('connection.addTitle')}
      </Typography.Title>
      <Form<NewConnectionFields> form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ url: 'https://', colour: defaultConnectionColour }}>
        <Form.Item name="name" label={t('connection.name')} rules={rules.name}>
          <Input placeholder={t('connection.namePlaceholder')} maxLength={80} autoComplete="off" />
        </Form.Item>
        <Form.Item name="url" label={t('connection.url')} rules={rules.url}>
          <Input placeholder={t('connection.urlPlaceholder')} inputMode="url" autoComplete="url" spellCheck={false} />
        </Form.Item>
        {unencrypted ? (
          <>
            <Alert type="warning" showIcon data-testid="unencrypted-warning" title={t('connection.unencryptedWarning')} style={{ marginBottom: 12 }} />
            <Form.Item name="allowUnencrypted" valuePropName="checked" dependencies={['url']} rules={[rules.allowUnencrypted]}>
              <Checkbox>{t('connection.allowUnencrypted')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="colour" label={t('roles.connectionColour.label')} extra={t('roles.connectionColour.hint')}>
          <ConnectionColourChoice />
        </Form.Item>
        {add.isError && markedFields.length === 0 ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={add.error} testId="add-connection-error" />
          </div>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('connection.add')}
          </Button>
          {canCancel ? <Button onClick={onDone}>{t('connection.cancel')}</Button> : null}
        </Space>
      </Form>
    </section>
  )
}
