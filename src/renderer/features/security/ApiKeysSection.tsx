import { Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiKeySummary } from '../../../shared/security'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ListFailure } from '../users/ListFailure'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecuritySection } from './SecuritySection'
import { SecurityTime } from './SecurityTime'
import { useApiKeys } from './security-queries'
import { useSecurityAction } from './use-security-action'

/** The user's API keys (description, scope, created, expires, last used; never the key), each with Revoke. */
export function ApiKeysSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const keys = useApiKeys(user.id)

  const columns: TableColumnsType<ApiKeySummary> = [
    {
      key: 'description',
      title: t('security.apiKeys.description'),
      ellipsis: true,
      render: (_, key) => (
        <span data-field="description" title={key.website ?? undefined}>
          {key.description} <Typography.Text type="secondary" code>{`${key.prefix}…`}</Typography.Text>
        </span>
      )
    },
    {
      key: 'scope',
      title: t('security.apiKeys.scope'),
      width: 130,
      render: (_, key) => <Tag color={key.scope === 'read' ? 'default' : 'orange'}>{t(`security.apiKeys.scopes.${key.scope}`)}</Tag>
    },
    { key: 'created', title: t('security.apiKeys.created'), width: 120, render: (_, key) => <SecurityTime iso={key.createdAt} /> },
    { key: 'expires', title: t('security.apiKeys.expires'), width: 120, render: (_, key) => <SecurityTime iso={key.expiresAt} empty={t('security.apiKeys.noExpiry')} /> },
    { key: 'lastUsed', title: t('security.apiKeys.lastUsed'), width: 120, render: (_, key) => <SecurityTime iso={key.lastUsedAt} /> },
    {
      key: 'actions',
      title: t('security.actions'),
      width: 100,
      render: (_, key) => (
        <ActionButton label={t('security.revoke')} ariaLabel={t('security.apiKeys.revokeLabel', { description: key.description })} testId="revoke-api-key" permission={{ action: 'apiKeys.revoke', target: user.kind }} size="small" danger>
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="revoke-api-key-dialog"
              title={t('security.apiKeys.revokeTitle')}
              confirmLabel={t('security.revoke')}
              danger
              consequence={t('security.apiKeys.revokeConsequence', { description: key.description, prefix: key.prefix })}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.revokeApiKey({ id: user.id, keyId: key.id, audit }), {
                  changes: ['apiKeys'],
                  auditAction: 'apiKey.revoke',
                  notice: () => t('security.apiKeys.revoked', { description: key.description })
                })
              }}
            />
          )}
        </ActionButton>
      )
    }
  ]

  return (
    <SecuritySection title={t('security.apiKeys.title')} testId="security-api-keys" state={keys.isPending ? 'loading' : keys.isError ? 'error' : 'ready'}>
      {keys.isError ? (
        <ListFailure error={keys.error} title={t('security.apiKeys.loadFailed')} onRetry={() => void keys.refetch()} testId="api-keys-error" />
      ) : (
        <Table<ApiKeySummary>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          pagination={false}
          columns={columns}
          dataSource={keys.data?.items ?? []}
          loading={keys.isPending}
          onRow={(key) => ({ 'data-testid': 'api-key-row', 'data-key-id': key.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('security.apiKeys.empty') }}
        />
      )}
    </SecuritySection>
  )
}
