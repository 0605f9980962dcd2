import { fieldIssues, type DeskErrorShape, type ErrorCode } from '../../../../shared/errors'
import type { AuditContext } from '../../../../shared/ipc/audit-context'
import type { DeskClient } from '../../../../shared/ipc/desk-api'
import { mailLimitDetailsOf } from '../../../../shared/mail-limit'
import type { UserListItem } from '../../../../shared/users'
import type { DeskAction } from '../../../app/role-capabilities'
import { errorCodeOf } from '../../../components/error-text'
import type { SkipReason } from './bulk-runner'

/** The actions the grid offers on a selection; each is one channel call per user. */
export const bulkActionIds = ['sendResetLink', 'inviteTwoFactor', 'revokeSessions', 'archive'] as const
export type BulkActionId = (typeof bulkActionIds)[number]

/** What a bulk action needs to know of a user: what the list row already says. */
export type BulkTarget = Pick<UserListItem, 'id' | 'name' | 'login' | 'email' | 'active' | 'twoFactor' | 'kind'>

export interface BulkActionSpec {
  id: BulkActionId
  /** Shown as a danger action (takes something away from the users). */
  danger: boolean
  /** The permission each call needs (role-capabilities.ts): a role without it sees the button disabled. */
  permission: DeskAction
  /** The audit action the server records, for the "view in the audit log" link. */
  auditAction: string
  /** Known beforehand to be pointless for this user: skip without calling. */
  skipReason: (user: BulkTarget, operatorId: number | null) => SkipReason | null
  call: (desk: DeskClient, user: BulkTarget, audit: AuditContext) => Promise<unknown>
}

export const bulkActions: Record<BulkActionId, BulkActionSpec> = {
  sendResetLink: {
    id: 'sendResetLink',
    danger: false,
    permission: 'password.resetLink',
    auditAction: 'password.resetLink',
    skipReason: (user) => (!user.active ? 'archived' : user.email ? null : 'noEmail'),
    call: (desk, user, audit) => desk.security.sendResetLink({ id: user.id, audit })
  },
  inviteTwoFactor: {
    id: 'inviteTwoFactor',
    danger: false,
    permission: 'twoFactor.invite',
    auditAction: 'twoFactor.invite',
    skipReason: (user) => (!user.active ? 'archived' : user.twoFactor === true ? 'twoFactorOn' : user.email ? null : 'noEmail'),
    call: (desk, user, audit) => desk.security.invite2fa({ id: user.id, audit })
  },
  revokeSessions: {
    id: 'revokeSessions',
    danger: true,
    permission: 'sessions.revoke',
    auditAction: 'sessions.revoke',
    // Archiving already ended every session of an archived user.
    skipReason: (user) => (user.active ? null : 'archived'),
    call: (desk, user, audit) => desk.security.revokeSessions({ id: user.id, audit })
  },
  archive: {
    id: 'archive',
    danger: true,
    permission: 'users.archive',
    auditAction: 'user.archive',
    skipReason: (user, operatorId) => (!user.active ? 'alreadyArchived' : user.id === operatorId ? 'ownAccount' : null),
    call: (desk, user, audit) => desk.users.archive({ id: user.id, audit })
  }
}

/** Why a call was refused, as a key of `userGrid.bulk.failure`; 'other' shows the error code's sentence. */
export type FailureReason =
  | 'archived'
  | 'alreadyArchived'
  | 'deleted'
  | 'noEmail'
  | 'twoFactorOn'
  | 'notFound'
  | 'forbidden'
  | 'ticketRequired'
  | 'reauthRequired'
  | 'sessionEnded'
  | 'mailLimit'
  | 'other'

function detailsOf(error: unknown): DeskErrorShape['details'] {
  if (typeof error !== 'object' || error === null || !('details' in error)) return undefined
  return (error as { details: DeskErrorShape['details'] }).details
}

function issuePaths(error: unknown): string[] {
  return fieldIssues(detailsOf(error)).map((issue) => issue.path)
}

/**
 * A refusal in the operator's terms. The server names the field that made it refuse (`active`,
 * `email`, `twoFactor`…) or the reason (`mailLimit`: the user got as many emails as the hour allows,
 * the batch goes on with the next user) in the error's details; the code alone says the rest.
 */
export function failureReasonOf(action: BulkActionId, error: unknown): { reason: FailureReason; code: ErrorCode } {
  const code = errorCodeOf(error)
  const paths = issuePaths(error)
  const reason = ((): FailureReason => {
    if (code === 'RATE_LIMITED' && mailLimitDetailsOf(detailsOf(error))) return 'mailLimit'
    if (paths.includes('X-Ticket-Ref')) return 'ticketRequired'
    if (paths.includes('id') && code === 'VALIDATION') return 'deleted'
    if (paths.includes('active')) return 'archived'
    if (paths.includes('email')) return 'noEmail'
    if (paths.includes('twoFactor')) return 'twoFactorOn'
    switch (code) {
      case 'NOT_FOUND':
        return 'notFound'
      case 'FORBIDDEN':
        return 'forbidden'
      case 'REAUTH_REQUIRED':
        return 'reauthRequired'
      case 'UNAUTHORIZED':
        return 'sessionEnded'
      // Archiving answers a bare 409 for a user archived in the meantime (own account is skipped).
      case 'CONFLICT':
        return action === 'archive' ? 'alreadyArchived' : 'other'
      default:
        return 'other'
    }
  })()
  return { reason, code }
}

/** After these, no further call of the run can succeed. */
export function isFatalBulkError(error: unknown): boolean {
  return errorCodeOf(error) === 'UNAUTHORIZED'
}
