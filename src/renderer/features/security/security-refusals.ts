import type { TFunction } from 'i18next'
import { fieldIssues, type DeskErrorShape, type ErrorCode } from '../../../shared/errors'
import { errorCodeOf } from '../../components/error-text'

type RefusalKey = keyof typeof refusalKeys

/** The keys of `security.refusals`, listed once so that the table below is checked against them. */
const refusalKeys = {
  supportTemporaryOnly: 'security.refusals.supportTemporaryOnly',
  noEmailToNotify: 'security.refusals.noEmailToNotify',
  noEmail: 'security.refusals.noEmail',
  archived: 'security.refusals.archived',
  deleted: 'security.refusals.deleted',
  twoFactorAlreadyOn: 'security.refusals.twoFactorAlreadyOn',
  twoFactorAlreadyOff: 'security.refusals.twoFactorAlreadyOff',
  notLocked: 'security.refusals.notLocked',
  alreadyRevoked: 'security.refusals.alreadyRevoked',
  alreadyGone: 'security.refusals.alreadyGone',
  notPortalUser: 'security.refusals.notPortalUser',
  noValidEmail: 'security.refusals.noValidEmail',
  emailIsAnotherLogin: 'security.refusals.emailIsAnotherLogin',
  alreadyGranted: 'security.refusals.alreadyGranted',
  notGranted: 'security.refusals.notGranted',
  ownAccount: 'security.refusals.ownAccount',
  alreadyArchived: 'security.refusals.alreadyArchived',
  notArchived: 'security.refusals.notArchived',
  staleVersion: 'security.refusals.staleVersion',
  forbidden: 'security.refusals.forbidden'
} as const

/**
 * One refusal of the server: its code, the field its first issue names (`path`), and words of its
 * message when the path alone does not tell two refusals apart. The server's messages are English
 * only; these rules give the operator the same reason in their language.
 */
interface RefusalRule {
  code: ErrorCode
  path?: string
  message?: RegExp
  /** Refusals that carry `{currentVersion}` (a stale write). */
  staleVersion?: true
  key: RefusalKey
}

/** Most specific first: the first rule that matches wins. */
const rules: readonly RefusalRule[] = [
  { code: 'CONFLICT', staleVersion: true, key: 'staleVersion' },
  { code: 'FORBIDDEN', path: 'mustChange', key: 'supportTemporaryOnly' },
  { code: 'VALIDATION', path: 'notify', key: 'noEmailToNotify' },
  // Portal access (src/server/domain/portal-access/manage.ts).
  { code: 'VALIDATION', path: 'email', message: /portal access/i, key: 'noValidEmail' },
  { code: 'CONFLICT', path: 'email', message: /login of another user/i, key: 'emailIsAnotherLogin' },
  { code: 'CONFLICT', path: 'action', message: /already has portal access/i, key: 'alreadyGranted' },
  { code: 'CONFLICT', path: 'action', key: 'notGranted' },
  { code: 'VALIDATION', path: 'id', message: /portal users only/i, key: 'notPortalUser' },
  // Links, invitations, two-factor and the lock.
  { code: 'VALIDATION', path: 'id', message: /deleted/i, key: 'deleted' },
  { code: 'VALIDATION', path: 'email', key: 'noEmail' },
  { code: 'CONFLICT', path: 'email', key: 'noEmail' },
  { code: 'VALIDATION', path: 'active', key: 'archived' },
  { code: 'CONFLICT', path: 'active', key: 'archived' },
  { code: 'CONFLICT', path: 'twoFactor', message: /already on/i, key: 'twoFactorAlreadyOn' },
  { code: 'CONFLICT', path: 'twoFactor', key: 'twoFactorAlreadyOff' },
  { code: 'CONFLICT', path: 'locked', key: 'notLocked' },
  // Lifecycle (src/server/domain/users/lifecycle.ts) and sessions, which give no path.
  { code: 'CONFLICT', message: /your own account/i, key: 'ownAccount' },
  { code: 'CONFLICT', message: /already archived/i, key: 'alreadyArchived' },
  { code: 'CONFLICT', message: /not archived/i, key: 'notArchived' },
  { code: 'CONFLICT', message: /was deleted/i, key: 'deleted' },
  { code: 'CONFLICT', message: /already revoked/i, key: 'alreadyRevoked' },
  { code: 'NOT_FOUND', message: /no (passkey|session|payment method|API key)/i, key: 'alreadyGone' },
  { code: 'FORBIDDEN', key: 'forbidden' }
]

function detailsOf(error: unknown): DeskErrorShape['details'] {
  return typeof error === 'object' && error !== null && 'details' in error ? (error as { details: DeskErrorShape['details'] }).details : undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : ''
}

/** The server's refusal in the operator's words, or null when the code's general message says it all. */
export function explainRefusal(error: unknown, t: TFunction): string | null {
  const code = errorCodeOf(error)
  const details = detailsOf(error)
  const issues = fieldIssues(details)
  const issue = issues[0]
  const text = `${messageOf(error)} ${issues.map((one) => one.message).join(' ')}`
  const stale = details !== undefined && !Array.isArray(details) && typeof details.currentVersion === 'number'
  const rule = rules.find(
    (candidate) =>
      candidate.code === code &&
      (candidate.staleVersion === undefined || stale) &&
      (candidate.path === undefined || candidate.path === issue?.path) &&
      (candidate.message === undefined || candidate.message.test(text))
  )
  return rule ? t(refusalKeys[rule.key]) : null
}
