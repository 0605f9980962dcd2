import { Button, Modal, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Blocker } from 'react-router'

/**
 * "Discard changes?" when the operator leaves the form with unsaved changes (a link, Back, another
 * tab of the user page). Stay is the default (Enter, Esc); Discard lets the navigation through.
 */
export function UnsavedChangesModal({ blocker, name }: { blocker: Blocker; name: string }) {
  const { t } = useTranslation()
  const blocked = blocker.state === 'blocked'
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset()
  }
  return (
    <Modal open={blocked} title={t('userForm.leave.title')} onCancel={stay} footer={null} destroyOnHidden data-testid="unsaved-changes">
      <div data-testid="unsaved-changes">
        <Typography.Paragraph>{t('userForm.leave.body', { name })}</Typography.Paragraph>
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button danger onClick={() => blocker.state === 'blocked' && blocker.proceed()} data-testid="unsaved-discard">
            {t('userForm.leave.discard')}
          </Button>
          <Button type="primary" autoFocus onClick={stay} data-testid="unsaved-stay">
            {t('userForm.leave.stay')}
          </Button>
        </Space>
      </div>
    </Modal>
  )
}
