import type { z } from 'zod'
import { fieldIssues, type DeskErrorShape } from '../../../shared/errors'
import { isLoginConfusable } from '../../../shared/login-refusals'
import { isRefusalReason, type RefusalReason } from '../../../shared/refusals'
import { textCharacterMessages } from '../../../shared/text-characters'
import { emailField, userFieldMessages, userCreateRequest, userUpdateRequest, type UserKind } from '../../../shared/users'
import type { userFormStrings } from '../../i18n/features/userForm'
import { apiValueOf, isFormField, type FormField, type UserFormValues } from './form-values'

/** A problem with one field, as a key of `userForm.validation` and its parameters (translated by the view). */
export type ProblemKey = keyof (typeof userFormStrings)['en']['validation']
export interface FieldProblem {
  key: ProblemKey
  params?: Record<string, string | number>
}

/**
 * The shared schemas' own messages (src/shared/users.ts), which the desk checks as the operator
 * types and the server sends back in its field issues, by what they mean.
 */
const schemaMessages: Record<string, ProblemKey> = {
  ...Object.fromEntries(Object.entries(userFieldMessages).map(([key, message]) => [message, key as keyof typeof userFieldMessages])),
  [textCharacterMessages.control]: 'controlCharacters',
  [textCharacterMessages.invisible]: 'invisibleCharacters',
  [textCharacterMessages.loneSurrogate]: 'brokenCharacter'
}

/** The server's field refusals, worded from their reason. */
const reasonProblems: Partial<Record<RefusalReason, ProblemKey>> = {
  loginTaken: 'loginTaken',
  emailTaken: 'emailTaken',
  loginConfusable: 'loginConfusable',
  ownRole: 'ownRole',
  roleOfPortalUser: 'roleOfPortalUser',
  noCompany: 'noCompany',
  unknownCompany: 'unknownCompany',
  unknownWebsite: 'unknownWebsite',
  birthdayInFuture: 'birthdayInFuture',
  avatarEmpty: 'avatarEmpty',
  avatarType: 'avatarType'
}

export function problemOfMessage(message: string): FieldProblem {
  const known = schemaMessages[message]
  if (known) return { key: known }
  const tooLong = /^At most (\d+) characters\.$/.exec(message)
  if (tooLong) return { key: 'tooLong', params: { max: Number(tooLong[1]) } }
  return { key: 'server', params: { message } }
}

function problemOfIssue(issue: z.core.$ZodIssue): FieldProblem {
  if (schemaMessages[issue.message]) return problemOfMessage(issue.message)
  if (issue.code === 'too_big' && issue.origin === 'string') return { key: 'tooLong', params: { max: Number(issue.maximum) } }
  if (issue.code === 'invalid_format' && issue.format === 'date') return { key: 'invalidDate' }
  return problemOfMessage(issue.message)
}

function problemsOfSchema(schema: z.ZodType, value: unknown): FieldProblem[] {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.slice(0, 1).map(problemOfIssue)
}

export interface ValidationContext {
  kind: UserKind
  /** The user has a company whose name and VAT number the form edits. */
  hasCompany: boolean
  /** Today, YYYY-MM-DD: a birthday after it is refused (as the server does by its own clock). */
  today: string
}

const update = userUpdateRequest.shape
/** A portal user needs first name and surname, company and website (the Prim.io page; see userCreateRequest). */
const portalCreate = userCreateRequest.options[0].shape

/**
 * The problems of one field as typed, checked with the shared schemas of `users:update` (and, for a
 * portal user, the required fields of creating one). Empty when the value is fine.
 */
export function fieldProblems(field: FormField, values: Partial<UserFormValues>, context: ValidationContext): FieldProblem[] {
  const value = apiValueOf(field, values)
  const portal = context.kind === 'portal'
  switch (field) {
    case 'firstName':
    case 'lastName':
      return portal ? problemsOfSchema(portalCreate[field], value ?? '') : problemsOfSchema(update[field], value)
    case 'companyId':
      return portal && value === null ? [{ key: 'companyRequired' }] : []
    case 'websiteId':
      return portal && value === null ? [{ key: 'websiteRequired' }] : []
    case 'companyName':
      return context.hasCompany ? problemsOfSchema(update.companyName, value ?? '') : []
    case 'role':
      return context.kind === 'internal' && value === null ? [{ key: 'required' }] : []
    case 'emails':
      return problemsOfSchema(update.emails, value)
    case 'birthday': {
      const problems = problemsOfSchema(update.birthday, value)
      if (problems.length === 0 && typeof value === 'string' && value > context.today) return [{ key: 'birthdayInFuture' }]
      return problems
    }
    case 'login':
      return problemsOfSchema(update.login, value ?? '')
    default:
      return problemsOfSchema(update[field], value)
  }
}

/** The problems of the other email at `index`: a valid address, listed once (case-insensitively). */
export function otherEmailProblems(emails: readonly string[], index: number): FieldProblem[] {
  const email = (emails[index] ?? '').trim()
  if (email === '') return [{ key: 'required' }]
  const problems = problemsOfSchema(emailField, email)
  if (problems.length > 0) return problems
  const lower = email.toLowerCase()
  const twice = emails.some((other, i) => i !== index && other.trim().toLowerCase() === lower)
  return twice ? [{ key: 'emailTwice' }] : []
}

/** A field the server named in its refusal: a form field (with the index of an other email) or the avatar. */
export interface ServerFieldProblem {
  field: FormField | 'avatar'
  /** For `emails.2`: the other email at index 2. */
  index?: number
  problem: FieldProblem
}

/**
 * The server's field issues (`details: [{path, message}]` of VALIDATION, CONFLICT on a unique
 * value, DOCUMENT_LOCKED) that name a field of the form. `unmatched` counts the others, which the
 * form shows only in its error alert.
 */
export function serverFieldProblems(error: unknown): { problems: ServerFieldProblem[]; unmatched: number } {
  const details = typeof error === 'object' && error !== null && 'details' in error ? (error as { details: DeskErrorShape['details'] }).details : undefined
  const problems: ServerFieldProblem[] = []
  let unmatched = 0
  const locked = typeof error === 'object' && error !== null && 'code' in error && error.code === 'DOCUMENT_LOCKED'
  if (isLoginConfusable(details)) problems.push({ field: 'login', problem: { key: 'loginConfusable' } })
  for (const issue of fieldIssues(details)) {
    const [head = '', second] = issue.path.split('.')
    const fromReason = isRefusalReason(issue.reason) ? reasonProblems[issue.reason] : undefined
    const problem: FieldProblem = locked ? { key: 'documentLocked' } : fromReason ? { key: fromReason } : problemOfMessage(issue.message)
    if (head === 'avatar') problems.push({ field: 'avatar', problem })
    else if (isFormField(head)) problems.push({ field: head, problem, ...(head === 'emails' && second !== undefined && /^\d+$/.test(second) ? { index: Number(second) } : {}) })
    else unmatched += 1
  }
  return { problems, unmatched }
}

/** A stale version (409 with `details.currentVersion`), as opposed to a CONFLICT about a value. */
export function isVersionConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 'CONFLICT') return false
  const details = 'details' in error ? error.details : undefined
  return typeof details === 'object' && details !== null && !Array.isArray(details) && typeof (details as { currentVersion?: unknown }).currentVersion === 'number'
}
