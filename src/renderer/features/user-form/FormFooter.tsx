import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

interface FormFooterProps {
  dirty: boolean
  saving: boolean
  blocked: boolean
  onSave(): void
  onDiscard(): void
}

/** Save and Discard, kept in view at the bottom of the page, with whether anything is unsaved. */
export function FormFooter({ dirty, saving, blocked, onSave, onDiscard }: FormFooterProps) {
  const { t } = useTranslation()
  return (
    <div className="user-form__footer" data-testid="user-form-footer">
      {/* The buttons sit on the left: success notices appear at the bottom right and must not cover them. */}
      <Space>
        <Button type="primary" onClick={onSave} disabled={!dirty || blocked} loading={saving} data-testid="save-user">
          {t('userForm.actions.save')}
        </Button>
        <Button onClick={onDiscard} disabled={!dirty || saving} data-testid="discard-user">
          {t('userForm.actions.discard')}
        </Button>
      </Space>
      <Typography.Text type={dirty ? 'warning' : 'secondary'} aria-live="polite" data-testid="user-form-status">
        {dirty ? t('userForm.actions.unsaved') : t('userForm.actions.clean')}
      </Typography.Text>
      <Typography.Text type="secondary" className="user-form__shortcut">
        {t('userForm.actions.shortcut')}
      </Typography.Text>
    </div>
  )
}
