import type { UserDetail } from '../../../shared/users'
import { InviteTwoFactorDialog, RevokeAllSessionsDialog, SendResetLinkDialog } from '../security/shared-action-dialogs'
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
  switch (action) {
    case 'sendResetLink':
      return <SendResetLinkDialog user={user} open onClose={onClose} />
    case 'revokeSessions':
      return <RevokeAllSessionsDialog user={user} open onClose={onClose} />
    case 'invite2fa':
      return <InviteTwoFactorDialog user={user} open onClose={onClose} />
  }
}
