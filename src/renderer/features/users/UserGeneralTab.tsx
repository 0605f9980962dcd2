import type { UserDetail } from '../../../shared/users'
import { UserForm } from '../user-form/UserForm'

/** The General tab: the user's record as the edit form (features/user-form), one form per user. */
export function UserGeneralTab({ user }: { user: UserDetail }) {
  return <UserForm key={user.id} user={user} />
}
