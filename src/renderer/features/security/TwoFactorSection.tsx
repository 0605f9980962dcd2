import { Badge, Descriptions, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { InviteTwoFactorDialog } from './shared-action-dialogs'
import { SecuritySection } from './SecuritySection'
import { useSecurityAction } from './use-security-action'

/**
 * The 2FA status badge, **Invite to use 2FA** (Odoo; not while 2FA is on, and it says why) and
 * **Disable two-factor authentication** for a lost device, which the server only allows after the
 * operator re-enters their own password: the ActionDialog asks for it and retries.
 */
export function TwoFactorSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const on = user.twoFactor === true
  const inviteBlocker = on ? t('security.twoFactor.alreadyOn') : !user.active ? t('security.password.archived') : !user.email ? t('security.twoFactor.noEmail') : null

  return (
    <SecuritySection title={t('security.twoFactor.title')} testId="security-two-factor">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('security.twoFactor.status'),
            children: (
              <span data-testid="two-factor-status" data-on={on ? 'true' : 'false'}>
                <Badge status={on ? 'success' : 'default'} text={on ? t('security.twoFactor.on') : t('security.twoFactor.off')} />
              </span>
            )
          }
        ]}
      />
      <Space wrap align="start" className="security-actions">
        <ActionButton label={t('security.twoFactor.invite')} testId="invite-2fa" permission={{ action: 'twoFactor.invite', target: user.kind }} disabledReason={inviteBlocker}>
          {({ open, close }) => <InviteTwoFactorDialog user={user} open={open} onClose={close} />}
        </ActionButton>
        <ActionButton label={t('security.twoFactor.disable')} testId="disable-2fa" permission={{ action: 'twoFactor.disable', target: user.kind }} danger disabledReason={on ? null : t('security.twoFactor.notOn')} reasonShown="tooltip">
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="disable-2fa-dialog"
              title={t('security.twoFactor.disableTitle')}
              confirmLabel={t('security.twoFactor.disable')}
              danger
              consequence={t('security.twoFactor.disableConsequence')}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.disable2fa({ id: user.id, audit }), {
                  changes: ['detail', 'lists', 'sessions'],
                  auditAction: 'twoFactor.disable',
                  notice: () => t('security.twoFactor.disabled', { name: user.name })
                })
              }}
            />
          )}
        </ActionButton>
      </Space>
    </SecuritySection>
  )
}
