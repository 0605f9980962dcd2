import { Descriptions, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResetLinkState, ResetLinkStatus as LinkStatus } from '../../../shared/passwords'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ListFailure } from '../users/ListFailure'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecurityInstant } from './SecurityTime'
import { useResetLink } from './security-queries'
import { useSecurityAction } from './use-security-action'

const statusColours: Record<LinkStatus, string> = { pending: 'processing', used: 'success', expired: 'default', revoked: 'warning' }

function LinkFacts({ link }: { link: ResetLinkState }) {
  const { t } = useTranslation()
  const items = [
    {
      key: 'status',
      label: t('security.password.resetLink.status'),
      children: (
        <Tag color={statusColours[link.status]} data-testid="reset-link-status" data-status={link.status}>
          {t(`security.password.resetLink.statuses.${link.status}`)}
        </Tag>
      )
    },
    { key: 'purpose', label: t('security.password.resetLink.purpose'), children: t(`security.password.resetLink.purposes.${link.purpose}`) },
    { key: 'sentAt', label: t('security.password.resetLink.sentAt'), children: <SecurityInstant iso={link.sentAt} /> },
    { key: 'expiresAt', label: t('security.password.resetLink.expiresAt'), children: <SecurityInstant iso={link.expiresAt} /> },
    ...(link.usedAt ? [{ key: 'usedAt', label: t('security.password.resetLink.usedAt'), children: <SecurityInstant iso={link.usedAt} /> }] : []),
    ...(link.revokedAt ? [{ key: 'revokedAt', label: t('security.password.resetLink.revokedAt'), children: <SecurityInstant iso={link.revokedAt} /> }] : [])
  ]
  return <Descriptions size="small" column={1} items={items} />
}

/** The latest reset or invitation link (never its token) and, while it is pending, Revoke link. */
export function ResetLinkStatus({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const latest = useResetLink(user.id)
  const link = latest.data?.link ?? null

  return (
    <div className="security-subsection" data-testid="reset-link" data-state={latest.isPending ? 'loading' : latest.isError ? 'error' : 'ready'} data-status={link?.status ?? 'none'}>
      <Typography.Title level={3} className="security-subsection-title">
        {t('security.password.resetLink.latest')}
      </Typography.Title>
      {latest.isError ? (
        <ListFailure error={latest.error} title={t('security.password.resetLink.loadFailed')} onRetry={() => void latest.refetch()} testId="reset-link-error" />
      ) : latest.isPending ? (
        <Typography.Text type="secondary" aria-busy>
          …
        </Typography.Text>
      ) : link === null ? (
        <Typography.Text type="secondary">{t('security.password.resetLink.none')}</Typography.Text>
      ) : (
        <>
          <LinkFacts link={link} />
          {link.status === 'pending' ? (
            <ActionButton label={t('security.password.resetLink.revoke')} testId="revoke-reset-link" permission={{ action: 'password.resetLink', target: user.kind }} danger>
              {({ open, close }) => (
                <SecurityDialog
                  user={user}
                  open={open}
                  onClose={close}
                  testId="revoke-reset-link-dialog"
                  title={t('security.password.resetLink.revokeTitle')}
                  confirmLabel={t('security.password.resetLink.revoke')}
                  danger
                  consequence={t('security.password.resetLink.revokeConsequence')}
                  onConfirm={async (_values, audit) => {
                    await perform(() => desk.security.revokeResetLink({ id: user.id, audit }), {
                      changes: ['resetLink'],
                      auditAction: 'password.resetLinkRevoke',
                      notice: () => t('security.password.resetLink.revoked')
                    })
                  }}
                />
              )}
            </ActionButton>
          ) : null}
        </>
      )}
    </div>
  )
}
