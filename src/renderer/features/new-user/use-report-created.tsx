import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useActionNotice } from '../../components/action-dialog/use-action-notice'
import { MailNotice } from '../mail/MailState'
import { invitationProblem, type CreatedPortalUser } from './create-portal-user'

/**
 * Tells the operator what creating a user did: created (with the link to the audit entry), invited by
 * email, or created while the invitation could not go out, said as a warning with the reason.
 */
export function useReportCreated() {
  const { t } = useTranslation()
  const notice = useActionNotice()
  const { notification } = App.useApp()
  return useCallback(
    ({ user, invitation }: CreatedPortalUser) => {
      const name = user.name
      switch (invitation.kind) {
        case 'none':
          notice(t('newUser.created', { name }), { userId: user.id, action: 'user.create' })
          return
        case 'queued':
          notice(<MailNotice headline={t('newUser.invited', { name })} mailId={invitation.mailId} />, { userId: user.id, action: 'portalAccess.reinvite' })
          return
        case 'blocked':
          notification.warning({ title: t('newUser.inviteBlocked', { name }), placement: 'bottomRight', props: { 'data-testid': 'invitation-warning' } as never })
          return
        case 'failed':
          notification.warning({
            title: t('newUser.inviteFailedTitle', { name }),
            description: `${invitationProblem(invitation.error, t)} ${t('newUser.inviteFailed')}`,
            placement: 'bottomRight',
            duration: false,
            props: { 'data-testid': 'invitation-warning' } as never
          })
      }
    },
    [notice, notification, t]
  )
}
