import { Table, Tag, type TableColumnsType } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { PasskeySummary } from '../../../shared/security'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ListFailure } from '../users/ListFailure'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecuritySection } from './SecuritySection'
import { SecurityTime } from './SecurityTime'
import { usePasskeys } from './security-queries'
import { useSecurityAction } from './use-security-action'

/** The user's passkeys (name, created, last used), as Odoo's portal lists them, each with Revoke. */
export function PasskeysSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const passkeys = usePasskeys(user.id)

  const columns: TableColumnsType<PasskeySummary> = [
    {
      key: 'name',
      title: t('security.passkeys.name'),
      ellipsis: true,
      render: (_, passkey) => (
        <span data-field="name">
          {passkey.name}{' '}
          {passkey.deviceType === 'multiDevice' ? <Tag>{t('security.passkeys.synced')}</Tag> : passkey.deviceType === 'singleDevice' ? <Tag>{t('security.passkeys.securityKey')}</Tag> : null}
        </span>
      )
    },
    { key: 'created', title: t('security.passkeys.created'), width: 150, render: (_, passkey) => <SecurityTime iso={passkey.createdAt} /> },
    { key: 'lastUsed', title: t('security.passkeys.lastUsed'), width: 150, render: (_, passkey) => <SecurityTime iso={passkey.lastUsedAt} /> },
    {
      key: 'actions',
      title: t('security.actions'),
      width: 110,
      render: (_, passkey) => (
        <ActionButton label={t('security.revoke')} ariaLabel={t('security.passkeys.revokeLabel', { name: passkey.name })} testId="revoke-passkey" permission={{ action: 'passkeys.revoke', target: user.kind }} size="small" danger>
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="revoke-passkey-dialog"
              title={t('security.passkeys.revokeTitle')}
              confirmLabel={t('security.revoke')}
              danger
              consequence={t('security.passkeys.revokeConsequence', { name: passkey.name })}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.revokePasskey({ id: user.id, passkeyId: passkey.id, audit }), {
                  changes: ['passkeys'],
                  auditAction: 'passkey.revoke',
                  notice: () => t('security.passkeys.revoked', { name: passkey.name })
                })
              }}
            />
          )}
        </ActionButton>
      )
    }
  ]

  return (
    <SecuritySection title={t('security.passkeys.title')} testId="security-passkeys" state={passkeys.isPending ? 'loading' : passkeys.isError ? 'error' : 'ready'}>
      {passkeys.isError ? (
        <ListFailure error={passkeys.error} title={t('security.passkeys.loadFailed')} onRetry={() => void passkeys.refetch()} testId="passkeys-error" />
      ) : (
        <Table<PasskeySummary>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          pagination={false}
          columns={columns}
          dataSource={passkeys.data?.items ?? []}
          loading={passkeys.isPending}
          onRow={(passkey) => ({ 'data-testid': 'passkey-row', 'data-passkey-id': passkey.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('security.passkeys.empty') }}
        />
      )}
    </SecuritySection>
  )
}
