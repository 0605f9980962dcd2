import type { TFunction } from 'i18next'
import { DeskError, fieldIssues, type FieldIssue } from '../../../shared/errors'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import type { DeskClient } from '../../../shared/ipc/desk-api'
import { isLoginConfusable } from '../../../shared/login-refusals'
import type { UserDetail } from '../../../shared/users'
import { suggestPassword } from '../../components/password/suggest-password'

/** A new portal user as the dialogs collect it. */
export interface PortalUserDraft {
  firstName: string
  lastName: string
  login: string
  companyId: number
  websiteId: number
  email?: string
  /** A typed password, or an emailed invitation to set one. */
  credentials: { kind: 'password'; password: string } | { kind: 'invite' }
}

export type InvitationOutcome = { kind: 'none' } | { kind: 'queued'; mailId: string } | { kind: 'blocked' } | { kind: 'failed'; error: unknown }

export interface CreatedPortalUser {
  user: UserDetail
  invitation: InvitationOutcome
}

/**
 * Creates the portal user (`users:create`). With an invitation, the account gets a strong random
 * password nobody ever sees (the API requires one; `suggestPassword` always passes the policy), then
 * `security:portal-access` `reinvite`: the account is already active, so "grant" would be refused, and
 * reinvite sends Odoo's welcome email with a single-use set-password link. A failed invitation does
 * not undo the creation: the outcome says so, and the operator re-sends it from the user's page.
 */
export async function createPortalUser(desk: DeskClient, draft: PortalUserDraft, audit: AuditContext): Promise<CreatedPortalUser> {
  const email = draft.email?.trim()
  const password = draft.credentials.kind === 'password' ? draft.credentials.password : suggestPassword()
  const user = await desk.users.create({
    user: {
      kind: 'portal',
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      login: draft.login.trim(),
      password,
      companyId: draft.companyId,
      websiteId: draft.websiteId,
      ...(email ? { email } : {})
    },
    audit
  })
  if (draft.credentials.kind === 'password') return { user, invitation: { kind: 'none' } }
  try {
    const access = await desk.security.portalAccess({ id: user.id, action: 'reinvite', audit })
    return { user, invitation: access.mailStatus === 'blocked' || access.mailId === null ? { kind: 'blocked' } : { kind: 'queued', mailId: access.mailId } }
  } catch (error) {
    return { user, invitation: { kind: 'failed', error } }
  }
}

/** The server's "already used" refusals, said in the operator's language on the field they are about. */
function translatedIssue(code: string, issue: FieldIssue, t: TFunction): FieldIssue {
  const field = issue.path.split('.')[0]
  if (code === 'CONFLICT' && field === 'login') return { ...issue, message: t('newUser.taken.login') }
  if (code === 'CONFLICT' && field === 'email') return { ...issue, message: t('newUser.taken.email') }
  return issue
}

/**
 * The same failure with its field issues in words the operator reads (ActionDialog puts them on the
 * fields they name). A username or email already in use comes as CONFLICT, whose general sentence
 * ("someone else changed this record") would mislead here: it becomes a VALIDATION refusal, which
 * points at the highlighted field. Anything that is not a DeskError passes through unchanged.
 */
export function withTranslatedFieldIssues(error: unknown, t: TFunction): unknown {
  if (!(error instanceof DeskError)) return error
  if (error.code === 'CONFLICT' && isLoginConfusable(error.details)) {
    return new DeskError('VALIDATION', error.message, [{ path: 'login', message: t('newUser.taken.loginConfusable') }])
  }
  const issues = fieldIssues(error.details)
  if (issues.length === 0) return error
  const valueTaken = error.code === 'CONFLICT' && issues.every((issue) => ['login', 'email'].includes(issue.path.split('.')[0] ?? ''))
  return new DeskError(
    valueTaken ? 'VALIDATION' : error.code,
    error.message,
    issues.map((issue) => translatedIssue(error.code, issue, t))
  )
}

/** The words of a failed invitation: which field it is about when the server says, else the code's message. */
export function invitationProblem(error: unknown, t: TFunction): string {
  if (!(error instanceof DeskError)) return t('errors.INTERNAL')
  const issue = fieldIssues(error.details)[0]
  if (issue?.path === 'email') return error.code === 'CONFLICT' ? t('newUser.taken.email') : t('newUser.invalid.email')
  return t(`errors.${error.code}`)
}
