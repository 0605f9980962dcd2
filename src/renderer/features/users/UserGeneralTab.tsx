import type { UserDetail } from '../../../shared/users'
import { UserForm } from '../user-form/UserForm'

/** The General tab: the user's record as the edit form (features/user-form). */
export function UserGeneralTab({ user }: { user: UserDetail }) {
  return <UserForm user={user} />
}
