import { DeskError } from '../../shared/errors'
import type { OperatorRole } from '../../shared/auth'
import type { UserKind } from '../../shared/users'

/**
 * The role matrix of issue 3 as data: what each operator role may do, and on which users.
 * The server is the authority: the desk may hide buttons, but every route asks `authorize`.
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
  'paymentMethods.delete'
] as const

/**
 * The helpdesk's own actions (issue 5): find the caller, verify them, remind the username. Listed apart
 * so that the desk's copy of the matrix (src/renderer/app/role-capabilities.ts, checked against
 * `permissionActions`) can adopt them in its own time; `permissionMatrix` rules them all the same.
 */
export const helpdeskPermissionActions = ['helpdesk.search', 'identity.verify', 'username.remind'] as const

export type PermissionAction = (typeof permissionActions)[number] | (typeof helpdeskPermissionActions)[number]

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

/** The user an action is about: its kind decides the scope; its id tells "another user" from oneself. */
export interface PermissionTarget {
  kind: UserKind
  id: number
}

/**
 * Whether `role` may do `action`. Without a target (a list, the outbox), only a scope of 'all' counts;
 * a 'portal' scope then means the caller must narrow the result to portal users (see audit.read).
 */
export function can(role: OperatorRole, action: PermissionAction, target?: PermissionTarget | UserKind | null): boolean {
  const scope = permissionMatrix[action][role]
  if (scope === 'none') return false
  if (scope === 'all') return true
  const kind = typeof target === 'string' ? target : target?.kind
  return kind === 'portal'
}

/** The re-verification rule: disabling 2FA, deleting, changing a login or role, another internal user's password. */
export function needsReauth(action: PermissionAction, target: PermissionTarget | null, actorId: number): boolean {
  const rule = permissionMatrix[action].reauth
  if (rule === 'always') return true
  if (rule === 'otherInternalUser') return target !== null && target.kind === 'internal' && target.id !== actorId
  return false
}

export function needsTicket(role: OperatorRole, action: PermissionAction): boolean {
  return role === 'support' && permissionMatrix[action].security
}

/** What an authorization decision needs to know about the caller. */
export interface AuthorizationSubject {
  operatorId: number
  role: OperatorRole
  ticketRef: string | null
  /** Whether the session was re-verified within the last 10 minutes. */
  reauthFresh: boolean
  /** The strength of the helpdesk verification of the target user sent with this request (X-Verification), if any. */
  verificationStrength?: 'strong' | 'weak' | null
}

/**
 * A support agent disables 2FA (a lost device) only for a caller verified by a code: knowing facts of
 * the record is not enough to take a second factor away. Administrators are not bound by it.
 */
export function needsStrongVerification(role: OperatorRole, action: PermissionAction): boolean {
  return role === 'support' && action === 'twoFactor.disable'
}

export const strongVerificationMessage =
  'Support agents may turn off two-factor authentication only after verifying the caller with a code (send a verification code, then X-Verification).'

export const ticketRequiredMessage = 'Support agents must give a ticket reference (X-Ticket-Ref) for security actions.'

/**
 * Throws the refusal for `action` on `target`, in this order: 403 FORBIDDEN (the role may not),
 * 400 VALIDATION on X-Ticket-Ref (a support agent without a ticket), 403 FORBIDDEN when a support agent
 * disables 2FA without a code verification, 403 REAUTH_REQUIRED.
 */
export function assertAllowed(subject: AuthorizationSubject, action: PermissionAction, target: PermissionTarget | null = null): void {
  if (!can(subject.role, action, target)) throw new DeskError('FORBIDDEN')
  if (needsTicket(subject.role, action) && !subject.ticketRef) {
    throw new DeskError('VALIDATION', ticketRequiredMessage, [{ path: 'X-Ticket-Ref', message: ticketRequiredMessage }])
  }
  if (needsStrongVerification(subject.role, action) && subject.verificationStrength !== 'strong') {
    throw new DeskError('FORBIDDEN', strongVerificationMessage)
  }
  if (needsReauth(action, target, subject.operatorId) && !subject.reauthFresh) throw new DeskError('REAUTH_REQUIRED')
}
