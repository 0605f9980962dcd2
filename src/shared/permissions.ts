import type { OperatorRole } from './auth'
import type { UserKind } from './users'

/**
 * The role matrix as data: what each operator role may do, and on which users. One table for both
 * sides: the server enforces it (every route asks `authorize`, src/server/domain/permissions.ts) and
 * the desk offers only what it allows (src/renderer/app/role-capabilities.ts).
 *
 * - `administrator`: everything.
 * - `support`: reads everything about users; on portal users only, the security actions of the
 *   helpdesk (reset link, temporary password, 2FA invite, 2FA reset for a lost device, unlock,
 *   revoke sessions) and reading sign-ins and audit. Never creates, archives, deletes or edits a
 *   user, never changes a login, email or role, never touches internal users' security, never reads
 *   the outbox.
 */
export const permissionActions = [
  // Reading
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
  // Account lifecycle and profile
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
  // Security actions (a support agent gives a ticket reference for each)
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
  // The helpdesk (issue 5): find the caller, verify them, remind the username
  'helpdesk.search',
  'identity.verify',
  'username.remind'
] as const

export type PermissionAction = (typeof permissionActions)[number]

/** Which users an action may touch: all, portal users only, or none. */
export type Scope = 'all' | 'portal' | 'none'

export interface ActionRule {
  /** Per role. Actions without a target user (lists of companies, the outbox) use 'all' or 'none'. */
  administrator: Scope
  support: Scope
  /** A security action: a support agent must give X-Ticket-Ref. */
  security: boolean
  /** Needs a re-verified session (POST /auth/reauth within 10 minutes): see `needsReauth`. */
  reauth: 'always' | 'otherInternalUser' | 'never'
}

const read = (support: Scope): ActionRule => ({ administrator: 'all', support, security: false, reauth: 'never' })
const adminOnly = (reauth: ActionRule['reauth'] = 'never', security = false): ActionRule => ({
  administrator: 'all',
  support: 'none',
  security,
  reauth
})
const helpdesk = (reauth: ActionRule['reauth'] = 'never'): ActionRule => ({ administrator: 'all', support: 'portal', security: true, reauth })

export const permissionMatrix: Record<PermissionAction, ActionRule> = {
  'users.read': read('all'),
  'companies.read': read('all'),
  'websites.read': read('all'),
  // Reading a user's security overview is part of "read all users" for portal users; an internal
  // user's security belongs to administrators.
  'sessions.read': read('portal'),
  'passkeys.read': read('portal'),
  'apiKeys.read': read('portal'),
  'paymentMethods.read': read('portal'),
  'signIns.read': read('portal'),
  'audit.read': read('portal'),
  'outbox.read': read('none'),

  'users.create': adminOnly(),
  'users.update': adminOnly(),
  'users.changeLogin': adminOnly('always'),
  'users.changeEmail': adminOnly(),
  'users.changeRole': adminOnly('always'),
  'users.overrideDocumentLock': adminOnly(),
  'users.archive': adminOnly(),
  'users.restore': adminOnly(),
  'users.delete': adminOnly('always'),
  'portalAccess.manage': adminOnly(),
  'blocklist.manage': adminOnly(),

  'password.set': helpdesk('otherInternalUser'),
  'password.resetLink': helpdesk(),
  'password.requireReset': adminOnly('never', true),
  'twoFactor.invite': helpdesk(),
  'twoFactor.disable': helpdesk('always'),
  'sessions.revoke': helpdesk(),
  'lock.unlock': helpdesk(),
  'passkeys.revoke': adminOnly('never', true),
  'apiKeys.revoke': adminOnly('never', true),
  'paymentMethods.delete': adminOnly('never', true),

  // Finding a caller reads users (support reads everyone); verifying and reminding act on portal users.
  'helpdesk.search': read('all'),
  'identity.verify': helpdesk(),
  'username.remind': helpdesk()
}

/**
 * Whether `role` may do `action`. Without a target (a list, the outbox), only a scope of 'all' counts;
 * a 'portal' scope then means the caller must narrow the result to portal users (see audit.read).
 */
export function can(role: OperatorRole, action: PermissionAction, target?: { kind: UserKind; id?: number } | UserKind | null): boolean {
  const scope = permissionMatrix[action][role]
  if (scope === 'none') return false
  if (scope === 'all') return true
  const kind = typeof target === 'string' ? target : target?.kind
  return kind === 'portal'
}

