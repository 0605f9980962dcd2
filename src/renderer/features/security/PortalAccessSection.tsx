import { Alert, Descriptions, Space, Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import type { PortalAccessAction, PortalAccessResponse } from '../../../shared/passwords'
import { emailField, type UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { MailNotice } from '../mail/MailState'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecuritySection } from './SecuritySection'
import { useSecurityAction, type AuditAction } from './use-security-action'

const auditActions: Record<PortalAccessAction, AuditAction> = {
  grant: 'portalAccess.grant',
  revoke: 'portalAccess.revoke',
  reinvite: 'portalAccess.reinvite'
}

/**
 * Odoo's portal access wizard for portal users: Grant (activates the account and emails a welcome
 * with a set-password link), Revoke, Re-send invitation. What the detail already tells (no valid
 * email) is said before Grant; what only the server knows (the email is another user's login) comes
 * back as its refusal, in words.
 */
export function PortalAccessSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const granted = user.active
  const email = user.email ?? ''
  const emailValid = user.email !== null && emailField.safeParse(user.email).success

  const noticeOf = (action: PortalAccessAction, result: PortalAccessResponse): ReactNode => {
    if (result.mailStatus === 'blocked') return t('security.portalAccess.blockedNotice', { email })
    if (action === 'grant') return <MailNotice headline={t('security.portalAccess.grantedNotice', { name: user.name, email })} mailId={result.mailId} />
    if (action === 'reinvite') return <MailNotice headline={t('security.portalAccess.reinvitedNotice', { email })} mailId={result.mailId} />
    return t('security.portalAccess.revokedNotice', { name: user.name })
  }
  const run = (action: PortalAccessAction) => async (_values: object, audit: AuditContext) => {
    await perform(() => desk.security.portalAccess({ id: user.id, action, audit }), {
      changes: action === 'revoke' ? ['detail', 'lists', 'sessions', 'resetLink'] : ['detail', 'lists', 'resetLink'],
      auditAction: auditActions[action],
      notice: (result: PortalAccessResponse) => noticeOf(action, result)
    })
  }

  return (
    <SecuritySection title={t('security.portalAccess.title')} testId="security-portal-access">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('security.portalAccess.status'),
            children: (
              <span data-testid="portal-access-status" data-granted={granted ? 'true' : 'false'}>
                {granted ? <Tag color="green">{t('security.portalAccess.granted')}</Tag> : <Tag>{t('security.portalAccess.notGranted')}</Tag>}
              </span>
            )
          }
        ]}
      />
      {!granted && !emailValid ? (
        <Alert type="warning" showIcon title={t('security.portalAccess.grantWillFailNoEmail')} className="security-note" data-testid="grant-precheck" />
      ) : null}
      <Space wrap align="start" className="security-actions">
        <ActionButton label={t('security.portalAccess.grant')} testId="grant-portal-access" permission={{ action: 'portalAccess.manage', target: user.kind }} type="primary" disabledReason={granted ? t('refusals.alreadyGranted') : null} reasonShown="tooltip">
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="grant-portal-access-dialog"
              title={t('security.portalAccess.grantTitle')}
              confirmLabel={t('security.portalAccess.grant')}
              consequence={
                <>
                  <p>{t('security.portalAccess.grantConsequence', { email })}</p>
                  {emailValid ? null : <Alert type="warning" showIcon title={t('security.portalAccess.grantWillFailNoEmail')} />}
                </>
              }
              onConfirm={run('grant')}
            />
          )}
        </ActionButton>
        <ActionButton label={t('security.portalAccess.reinvite')} testId="reinvite-portal-access" permission={{ action: 'portalAccess.manage', target: user.kind }} disabledReason={granted ? null : t('refusals.notGranted')} reasonShown="tooltip">
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="reinvite-portal-access-dialog"
              title={t('security.portalAccess.reinviteTitle')}
              confirmLabel={t('security.portalAccess.reinvite')}
              consequence={t('security.portalAccess.reinviteConsequence', { email })}
              onConfirm={run('reinvite')}
            />
          )}
        </ActionButton>
        <ActionButton label={t('security.portalAccess.revoke')} testId="revoke-portal-access" permission={{ action: 'portalAccess.manage', target: user.kind }} danger disabledReason={granted ? null : t('refusals.notGranted')} reasonShown="tooltip">
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="revoke-portal-access-dialog"
              title={t('security.portalAccess.revokeTitle')}
              confirmLabel={t('security.portalAccess.revoke')}
              danger
              consequence={t('security.portalAccess.revokeConsequence')}
              onConfirm={run('revoke')}
            />
          )}
        </ActionButton>
      </Space>
    </SecuritySection>
  )
}
