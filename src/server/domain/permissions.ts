import { DeskError } from '../../shared/errors'
import type { OperatorRole } from '../../shared/auth'
import type { UserKind } from '../../shared/users'
import { can, permissionMatrix, type PermissionAction } from '../../shared/permissions'
import { fieldRefusal, refusal } from './refusal'

export { can, permissionActions, permissionMatrix, type ActionRule, type PermissionAction, type Scope } from '../../shared/permissions'

/** The user an action is about: its kind decides the scope; its id tells "another user" from oneself. */
export interface PermissionTarget {
  kind: UserKind
  id: number
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
    throw fieldRefusal('VALIDATION', 'ticketRequired', 'X-Ticket-Ref', ticketRequiredMessage)
  }
  if (needsStrongVerification(subject.role, action) && subject.verificationStrength !== 'strong') {
    throw refusal('FORBIDDEN', 'strongVerificationRequired', strongVerificationMessage)
  }
  if (needsReauth(action, target, subject.operatorId) && !subject.reauthFresh) throw new DeskError('REAUTH_REQUIRED')
}
