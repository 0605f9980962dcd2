import { Descriptions, Space, Tag } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { MailNotice } from '../mail/MailState'
import { useOperator } from '../../app/session'
import { ActionButton } from './ActionButton'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { ResetLinkStatus } from './ResetLinkStatus'
import { SecurityDialog } from './SecurityDialog'
import { SendResetLinkDialog } from './shared-action-dialogs'
import { SecuritySection } from './SecuritySection'
import { useSecurityAction } from './use-security-action'

/** Why no link can be emailed now (the server refuses the same), or null. */
function linkBlocker(user: UserDetail, t: TFunction): string | null {
  if (!user.active) return t('security.password.archived')
  if (!user.email) return t('security.password.noEmail')
  return null
}

/**
 * Change password (Odoo), Send password reset link with the latest link's state, and Require
 * password reset (Oro): the user is signed out and sets a new password through the emailed link.
 */
export function PasswordSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const operator = useOperator()
  const blocker = linkBlocker(user, t)
  // The server refuses an operator's own password here: My account asks for the current one.
  const ownPassword = operator?.id === user.id ? t('refusals.ownPassword') : null
  const email = user.email ?? ''
  const yesNo = (value: boolean | undefined) => (value ? <Tag color="orange">{t('security.yes')}</Tag> : t('security.no'))

  return (
    <SecuritySection title={t('security.password.title')} testId="security-password">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'mustChange', label: t('security.password.mustChange'), children: <span data-testid="must-change-password">{yesNo(user.mustChangePassword)}</span> },
          { key: 'resetRequired', label: t('security.password.resetRequired'), children: <span data-testid="reset-required">{yesNo(user.resetRequired)}</span> }
        ]}
      />
      <Space wrap align="start" className="security-actions">
        <ActionButton label={t('security.password.change.button')} testId="change-password" permission={{ action: 'password.set', target: user.kind }} disabledReason={ownPassword} type="primary">
          {({ open, close }) => <ChangePasswordDialog user={user} open={open} onClose={close} />}
        </ActionButton>
        <ActionButton label={t('security.password.resetLink.send')} testId="send-reset-link" permission={{ action: 'password.resetLink', target: user.kind }} disabledReason={blocker}>
          {({ open, close }) => <SendResetLinkDialog user={user} open={open} onClose={close} />}
        </ActionButton>
        <ActionButton label={t('security.password.requireReset.button')} testId="require-reset" permission={{ action: 'password.requireReset', target: user.kind }} danger disabledReason={blocker}>
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="require-reset-dialog"
              title={t('security.password.requireReset.title')}
              confirmLabel={t('security.password.requireReset.button')}
              danger
              consequence={t('security.password.requireReset.consequence', { email })}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.requireReset({ id: user.id, audit }), {
                  changes: ['detail', 'lists', 'sessions', 'resetLink'],
                  auditAction: 'password.requireReset',
                  notice: (result) =>
                    result.mailStatus === 'blocked' ? (
                      t('security.password.requireReset.doneBlocked', { name: user.name, email })
                    ) : (
                      <MailNotice headline={t('security.password.requireReset.done', { name: user.name, email })} mailId={result.mailId} />
                    )
                })
              }}
            />
          )}
        </ActionButton>
      </Space>
      {user.resetRequired ? <div className="security-note">{t('security.password.resetRequiredHint')}</div> : null}
      <ResetLinkStatus user={user} />
    </SecuritySection>
  )
}
