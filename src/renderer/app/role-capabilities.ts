import type { OperatorRole } from '../../shared/auth'
import type { UserKind } from '../../shared/users'

/**
 * What each operator role may do, as the desk sees it: a copy, as data, of the server's role matrix
 * (src/server/domain/permissions.ts and the README's Roles table). The renderer may not import the
 * server, so the two are kept equal by a unit test (test/unit/shared/role-capabilities.test.ts) that
 * compares every action × role × target. The server stays the authority: this only decides which
 * buttons the desk offers, so an operator is told up front instead of refused afterwards.
 */
export const deskActions = [
  'users.read',
  'companies.read',
  'websites.read',
  'sessions.read',
  'passkeys.read',
  'apiKeys.read',
  'paymentMethods.read',
  'signIns.read',
  'audit.read',
  'outbox.read',
  'users.create',
  'users.update',
  'users.changeLogin',
  'users.changeEmail',
  'users.changeRole',
  'users.overrideDocumentLock',
  'users.archive',
  'users.restore',
  'users.delete',
  'portalAccess.manage',
  'blocklist.manage',
  'password.set',
  'password.resetLink',
  'password.requireReset',
  'twoFactor.invite',
  'twoFactor.disable',
  'sessions.revoke',
  'lock.unlock',
  'passkeys.revoke',
  'apiKeys.revoke',
  'paymentMethods.delete',
  'helpdesk.search',
  'identity.verify',
  'username.remind'
] as const
export type DeskAction = (typeof deskActions)[number]

/** Which users a role may do an action on: all of them, portal users only, or none. */
export type RoleScope = 'all' | 'portal' | 'none'

const everyone: Record<OperatorRole, RoleScope> = { administrator: 'all', support: 'all' }
const portalForSupport: Record<OperatorRole, RoleScope> = { administrator: 'all', support: 'portal' }
const administratorsOnly: Record<OperatorRole, RoleScope> = { administrator: 'all', support: 'none' }

export const roleMatrix: Record<DeskAction, Record<OperatorRole, RoleScope>> = {
  'users.read': everyone,
  'companies.read': everyone,
  'websites.read': everyone,
  // An internal user's security lists and audit belong to administrators.
  'sessions.read': portalForSupport,
  'passkeys.read': portalForSupport,
  'apiKeys.read': portalForSupport,
  'paymentMethods.read': portalForSupport,
  'signIns.read': portalForSupport,
  'audit.read': portalForSupport,
  'outbox.read': administratorsOnly,
  'users.create': administratorsOnly,
  'users.update': administratorsOnly,
  'users.changeLogin': administratorsOnly,
  'users.changeEmail': administratorsOnly,
  'users.changeRole': administratorsOnly,
  'users.overrideDocumentLock': administratorsOnly,
  'users.archive': administratorsOnly,
  'users.restore': administratorsOnly,
  'users.delete': administratorsOnly,
  'portalAccess.manage': administratorsOnly,
  'blocklist.manage': administratorsOnly,
  // The helpdesk's work: support agents do it on portal users, with a ticket reference.
  'password.set': portalForSupport,
  'password.resetLink': portalForSupport,
  'password.requireReset': administratorsOnly,
  'twoFactor.invite': portalForSupport,
  'twoFactor.disable': portalForSupport,
  'sessions.revoke': portalForSupport,
  'lock.unlock': portalForSupport,
  'passkeys.revoke': administratorsOnly,
  'apiKeys.revoke': administratorsOnly,
  'paymentMethods.delete': administratorsOnly,
  // The Helpdesk view: finding a caller reads users; verifying and reminding act on portal users.
  'helpdesk.search': everyone,
  'identity.verify': portalForSupport,
  'username.remind': portalForSupport
}

/**
 * Whether `role` may do `action` on a user of kind `target`. Without a target (a list, the outbox)
 * only an 'all' scope counts, as on the server.
 */
export function roleCan(role: OperatorRole, action: DeskAction, target?: UserKind | null): boolean {
  const scope = roleMatrix[action][role]
  if (scope === 'none') return false
  if (scope === 'all') return true
  return target === 'portal'
}

/** The role that may do what `role` may not, for the "Administrators only" tooltip; null when allowed. */
export function roleNeeded(role: OperatorRole | null, action: DeskAction, target?: UserKind | null): OperatorRole | null {
  if (role !== null && roleCan(role, action, target)) return null
  return roleCan('support', action, target) ? 'support' : 'administrator'
}
