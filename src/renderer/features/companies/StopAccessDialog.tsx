import { Checkbox, Form, Radio, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyUser } from '../../../shared/companies'
import { useDeskClient } from '../../app/desk-client'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { FreshPerOpening } from '../../components/action-dialog/fresh-per-opening'
import { useActionNotice } from '../../components/action-dialog/use-action-notice'
import { useRefreshAfterUserChange } from './company-queries'

export type StopAccessMode = 'revoke' | 'delete'

interface StopAccessValues {
  mode: StopAccessMode
  blocklist: boolean
}

/** Revoking needs portal access to revoke: an archived user can only be deleted. */
export function defaultStopMode(user: CompanyUser): StopAccessMode {
  return user.status === 'active' ? 'revoke' : 'delete'
}

function ModeChoice({ user, onChange }: { user: CompanyUser; onChange: (mode: StopAccessMode) => void }) {
  const { t } = useTranslation()
  const option = (mode: StopAccessMode, label: string, hint: string, disabled = false) => (
    <Radio value={mode} disabled={disabled}>
      <Typography.Text strong data-testid={`stop-access-${mode}`}>
        {label}
      </Typography.Text>
      <Typography.Text type="secondary" className="stop-access-choice__hint">
        {hint}
      </Typography.Text>
    </Radio>
  )
  return (
    <Form.Item name="mode" label={t('companies.stop.choice')} extra={user.status === 'active' ? undefined : t('companies.stop.alreadyRevoked')}>
      <Radio.Group className="stop-access-choice" onChange={(event) => onChange(event.target.value as StopAccessMode)}>
        {option('revoke', t('companies.stop.revoke'), t('companies.stop.revokeHint'), user.status !== 'active')}
        {option('delete', t('companies.stop.delete'), t('companies.stop.deleteHint'))}
      </Radio.Group>
    </Form.Item>
  )
}

/**
 * The row's Delete, Prim.io's "stop a user's access". Odoo's portal access is revoked by default
 * (reversible: the account is archived, its sessions and links revoked); deleting the account for
 * good is the explicit second choice, confirmed by typing the username, with the block list ticked.
 */
export function StopAccessDialog({ user, open, onClose }: { user: CompanyUser | null; open: boolean; onClose: () => void }) {
  return (
    <FreshPerOpening open={open} userId={user?.id}>
      {user ? <StopAccessFor user={user} open={open} onClose={onClose} /> : null}
    </FreshPerOpening>
  )
}

/** One opening for one user: the choice starts from that user's default, never the last one taken. */
function StopAccessFor({ user, open, onClose }: { user: CompanyUser; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const notice = useActionNotice()
  const refresh = useRefreshAfterUserChange()
  const [mode, setMode] = useState<StopAccessMode>(() => defaultStopMode(user))
  const deleting = mode === 'delete'

  return (
    <ActionDialog<StopAccessValues>
      open={open}
      title={t('companies.stop.title')}
      target={{ id: user.id, name: user.name, login: user.username }}
      consequence={
        <Typography.Paragraph type={deleting ? 'danger' : undefined} data-mode={mode}>
          {deleting ? t('companies.stop.consequenceDelete', { name: user.name }) : t('companies.stop.consequenceRevoke', { name: user.name })}
        </Typography.Paragraph>
      }
      confirmLabel={deleting ? t('companies.stop.confirmDelete') : t('companies.stop.confirmRevoke')}
      danger
      confirmText={deleting ? user.username : undefined}
      initialValues={{ mode: defaultStopMode(user), blocklist: true }}
      testId="stop-access-dialog"
      onConfirm={async (values, audit) => {
        if (values.mode === 'delete') {
          await desk.users.delete({ id: user.id, blocklist: values.blocklist, audit })
          await refresh(user.id)
          notice(t('companies.stop.deleted', { name: user.name }), { userId: user.id, action: 'user.delete' })
        } else {
          await desk.security.portalAccess({ id: user.id, action: 'revoke', audit })
          await refresh(user.id)
          notice(t('companies.stop.revoked', { name: user.name }), { userId: user.id, action: 'portalAccess.revoke' })
        }
      }}
      onClose={onClose}
    >
      <ModeChoice user={user} onChange={setMode} />
      {deleting ? (
        <Form.Item name="blocklist" valuePropName="checked">
          <Checkbox data-testid="stop-access-blocklist">{t('companies.stop.blocklist')}</Checkbox>
        </Form.Item>
      ) : null}
    </ActionDialog>
  )
}
