import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { ActionDialog, type ActionDialogProps } from '../../components/action-dialog/ActionDialog'
import { explainRefusal } from './security-refusals'
import './security.css'

export type SecurityDialogProps<V extends object> = Omit<ActionDialogProps<V>, 'target' | 'explainError'> & { user: UserDetail }

/** The shared ActionDialog about one user, with the server's refusals of security actions in words. */
export function SecurityDialog<V extends object>({ user, consequence, ...props }: SecurityDialogProps<V>) {
  const { t } = useTranslation()
  return (
    <ActionDialog<V>
      {...props}
      target={{ id: user.id, name: user.name, login: user.login }}
      consequence={<div className="security-consequence">{consequence}</div>}
      explainError={(error) => explainRefusal(error, t)}
    />
  )
}
