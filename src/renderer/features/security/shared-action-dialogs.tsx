import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { MailNotice } from '../mail/MailState'
import { SecurityDialog } from './SecurityDialog'
import { useSecurityAction } from './use-security-action'

/** The Security tab's actions that the command palette also runs: one dialog each, used by both. */
interface DialogProps {
  user: UserDetail
  open: boolean
  onClose(): void
}

export function SendResetLinkDialog({ user, open, onClose }: DialogProps) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const email = user.email ?? ''
  return (
    <SecurityDialog
      user={user}
      open={open}
      onClose={onClose}
      testId="send-reset-link-dialog"
      title={t('security.password.resetLink.title')}
      confirmLabel={t('security.password.resetLink.send')}
      consequence={t('security.password.resetLink.consequence', { email })}
      onConfirm={async (_values, audit) => {
        await perform(() => desk.security.sendResetLink({ id: user.id, audit }), {
          changes: ['resetLink'],
          auditAction: 'password.resetLink',
          notice: (result) =>
            result.mailStatus === 'blocked' ? (
              t('security.password.resetLink.sentBlocked', { email })
            ) : (
              <MailNotice headline={t('security.password.resetLink.sent', { email })} mailId={result.mailId} />
            )
        })
      }}
    />
  )
}

export function RevokeAllSessionsDialog({ user, open, onClose }: DialogProps) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  return (
    <SecurityDialog
      user={user}
      open={open}
      onClose={onClose}
      testId="revoke-all-sessions-dialog"
      title={t('security.sessions.revokeAllTitle')}
      confirmLabel={t('security.sessions.revokeAll')}
      danger
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
}

export function InviteTwoFactorDialog({ user, open, onClose }: DialogProps) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const email = user.email ?? ''
  return (
    <SecurityDialog
      user={user}
      open={open}
      onClose={onClose}
      testId="invite-2fa-dialog"
      title={t('security.twoFactor.inviteTitle')}
      confirmLabel={t('security.twoFactor.invite')}
      consequence={t('security.twoFactor.inviteConsequence', { email })}
      onConfirm={async (_values, audit) => {
        await perform(() => desk.security.invite2fa({ id: user.id, audit }), {
          changes: [],
          auditAction: 'twoFactor.invite',
          notice: (result) =>
            result.mail === 'blocked' ? (
              t('security.twoFactor.invitedBlocked', { email: result.sentTo })
            ) : (
              <MailNotice headline={t('security.twoFactor.invited', { email: result.sentTo })} mailId={result.mailId} />
            )
        })
      }}
    />
  )
}
