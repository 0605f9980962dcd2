import type { OperatorRole } from '../../shared/auth'
import { can, permissionActions, type PermissionAction } from '../../shared/permissions'
import type { UserKind } from '../../shared/users'

/**
 * What each operator role may do, as the desk sees it: the server's own role matrix
 * (src/shared/permissions.ts), read here to decide which buttons the desk offers, so that an
 * operator is told up front instead of refused afterwards. The server stays the authority.
 */
export const deskActions = permissionActions
export type DeskAction = PermissionAction

/**
 * Whether `role` may do `action` on a user of kind `target`. Without a target (a list, the outbox)
 * only an 'all' scope counts, as on the server.
 */
export function roleCan(role: OperatorRole, action: DeskAction, target?: UserKind | null): boolean {
  return can(role, action, target)
}

/** The role that may do what `role` may not, for the "Administrators only" tooltip; null when allowed. */
export function roleNeeded(role: OperatorRole | null, action: DeskAction, target?: UserKind | null): OperatorRole | null {
  if (role !== null && roleCan(role, action, target)) return null
  return roleCan('support', action, target) ? 'support' : 'administrator'
}
