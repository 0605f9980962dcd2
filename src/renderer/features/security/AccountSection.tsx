import { Alert, Checkbox, Descriptions, Form, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deletedLoginPrefix, type UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { FreshPerOpening } from '../../components/action-dialog/fresh-per-opening'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecuritySection } from './SecuritySection'
import { useSecurityAction } from './use-security-action'

type Lifecycle = 'archive' | 'restore'

function LifecycleDialog({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  return (
    <FreshPerOpening open={open} userId={user.id}>
      <LifecycleOpening user={user} open={open} onClose={onClose} />
    </FreshPerOpening>
  )
}

/**
 * Archive or Restore, whichever applies when the dialog opens. It keeps that action until it closes:
 * the user's state flips under it on success, and its words must not change mid-flight.
 */
function LifecycleOpening({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const [action] = useState<Lifecycle>(user.active ? 'archive' : 'restore')

  const archive = action === 'archive'
  return (
    <SecurityDialog
      user={user}
      open={open}
      onClose={onClose}
      testId={archive ? 'archive-dialog' : 'restore-dialog'}
      title={archive ? t('security.account.archiveTitle') : t('security.account.restoreTitle')}
      confirmLabel={archive ? t('security.account.archive') : t('security.account.restore')}
      danger={archive}
      consequence={archive ? t('security.account.archiveConsequence') : t('security.account.restoreConsequence')}
      onConfirm={async (_values, audit) => {
        // The version the operator is looking at: if someone changed the user since, the server refuses.
        const request = { id: user.id, version: user.version, audit }
        await perform(() => (archive ? desk.users.archive(request) : desk.users.restore(request)), {
          changes: ['detail', 'lists', 'sessions'],
          auditAction: archive ? 'user.archive' : 'user.restore',
          detailOf: (detail) => detail,
          notice: () => (archive ? t('security.account.archivedNotice', { name: user.name }) : t('security.account.restoredNotice', { name: user.name }))
        })
      }}
    />
  )
}

/** Odoo's account deletion: type the login to confirm; "block list" ticked by default. */
function DeleteAccountDialog({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  return (
    <SecurityDialog<{ blocklist: boolean }>
      user={user}
      open={open}
      onClose={onClose}
      testId="delete-account-dialog"
      title={t('security.account.deleteTitle')}
      confirmLabel={t('security.account.delete')}
      danger
      confirmText={user.login}
      initialValues={{ blocklist: true }}
      consequence={<Alert type="error" showIcon title={t('security.account.deleteConsequence', { login: `${deletedLoginPrefix}${user.id}` })} />}
      onConfirm={async (values, audit) => {
        await perform(() => desk.users.delete({ id: user.id, blocklist: values.blocklist, audit }), {
          changes: ['detail', 'lists', 'sessions', 'passkeys', 'apiKeys', 'paymentMethods', 'resetLink'],
          auditAction: 'user.delete',
          detailOf: (detail) => detail,
          notice: () => t('security.account.deletedNotice', { name: user.name })
        })
      }}
    >
      <Form.Item name="blocklist" valuePropName="checked" extra={t('security.account.blocklistHint')}>
        <Checkbox data-testid="delete-blocklist">{t('security.account.blocklist')}</Checkbox>
      </Form.Item>
    </SecurityDialog>
  )
}

/** The account's status, Archive / Restore and Delete account. */
export function AccountSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  return (
    <SecuritySection title={t('security.account.title')} testId="security-account">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('security.account.status'),
            children: (
              <span data-testid="account-status" data-active={user.active ? 'true' : 'false'}>
                {user.active ? <Tag color="green">{t('security.account.active')}</Tag> : <Tag color="default">{t('security.account.archived')}</Tag>}
              </span>
            )
          }
        ]}
      />
      <Space wrap align="start" className="security-actions">
        <ActionButton label={user.active ? t('security.account.archive') : t('security.account.restore')} testId="archive-restore" permission={{ action: user.active ? 'users.archive' : 'users.restore', target: user.kind }}>
          {({ open, close }) => <LifecycleDialog user={user} open={open} onClose={close} />}
        </ActionButton>
        <ActionButton label={t('security.account.delete')} testId="delete-account" permission={{ action: 'users.delete', target: user.kind }} danger type="primary">
          {({ open, close }) => <DeleteAccountDialog user={user} open={open} onClose={close} />}
        </ActionButton>
      </Space>
    </SecuritySection>
  )
}
