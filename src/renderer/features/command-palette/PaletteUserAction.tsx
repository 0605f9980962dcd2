import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { SecurityDialog } from '../security/SecurityDialog'
import { useSecurityAction } from '../security/use-security-action'
import { useUserDetail } from '../users/user-queries'
import type { PaletteUserAction } from './palette-commands'

interface Props {
  userId: number
  action: PaletteUserAction
  onClose(): void
}

/**
 * An action run from the palette on the user in view, through the same confirmation, channel, cache
 * refresh and success message as the Security tab's button (its strings included).
 */
export function PaletteUserActionDialog({ userId, action, onClose }: Props) {
  const detail = useUserDetail(userId)
  if (!detail.data) return null
  return <ActionFor user={detail.data} action={action} onClose={onClose} />
}

function ActionFor({ user, action, onClose }: { user: UserDetail; action: PaletteUserAction; onClose(): void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const email = user.email ?? ''
  switch (action) {
    case 'sendResetLink':
      return (
        <SecurityDialog
          user={user}
          open
          onClose={onClose}
          testId="send-reset-link-dialog"
          title={t('security.password.resetLink.title')}
          confirmLabel={t('security.password.resetLink.send')}
          consequence={t('security.password.resetLink.consequence', { email })}
          onConfirm={async (_values, audit) => {
            await perform(() => desk.security.sendResetLink({ id: user.id, audit }), {
              changes: ['resetLink'],
              auditAction: 'password.resetLink',
              notice: (result) => t(result.mailStatus === 'blocked' ? 'security.password.resetLink.sentBlocked' : 'security.password.resetLink.sent', { email })
            })
          }}
        />
      )
    case 'revokeSessions':
      return (
        <SecurityDialog
          user={user}
          open
          onClose={onClose}
          testId="revoke-all-sessions-dialog"
          danger
          title={t('security.sessions.revokeAllTitle')}
          confirmLabel={t('security.sessions.revokeAll')}
          consequence={t('security.sessions.revokeAllConsequence')}
          onConfirm={async (_values, audit) => {
            await perform(() => desk.security.revokeSessions({ id: user.id, audit }), {
              changes: ['sessions'],
              auditAction: 'sessions.revoke',
              notice: (result) => t('security.sessions.revokedAll', { name: user.name, count: result.revoked })
            })
          }}
        />
      )
    case 'invite2fa':
      return (
        <SecurityDialog
          user={user}
          open
          onClose={onClose}
          testId="invite-2fa-dialog"
          title={t('security.twoFactor.inviteTitle')}
          confirmLabel={t('security.twoFactor.invite')}
          consequence={t('security.twoFactor.inviteConsequence', { email })}
          onConfirm={async (_values, audit) => {
            await perform(() => desk.security.invite2fa({ id: user.id, audit }), {
              changes: [],
              auditAction: 'twoFactor.invite',
              notice: (result) => t(result.mail === 'blocked' ? 'security.twoFactor.invitedBlocked' : 'security.twoFactor.invited', { email: result.sentTo })
            })
          }}
        />
      )
  }
}
