import type { TFunction } from 'i18next'
import type { Locale } from '../../../shared/errors'
import { describeDay, describeInstant } from '../../i18n/dates'
import { userFormStrings } from '../../i18n/features/userForm'
import { auditWordsStrings } from '../../i18n/features/auditWords'
import { isUserAuditAction } from './audit-actions'

/** The server's placeholder for a secret whose change is recorded without its value. */
const redactedValue = '[redacted]'
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const isoDay = /^\d{4}-\d{2}-\d{2}$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The user form's field labels that name a field (not a button or a numbered row). */
const formFieldLabels = userFormStrings.en.fields
const notFieldNames = ['otherEmail', 'removeEmail', 'addEmail'] as const
type FormField = Exclude<keyof typeof formFieldLabels, (typeof notFieldNames)[number]>
function isFormField(field: string): field is FormField {
  return Object.hasOwn(formFieldLabels, field) && !(notFieldNames as readonly string[]).includes(field)
}
type AuditField = keyof typeof auditWordsStrings.en.fields
function isAuditField(field: string): field is AuditField {
  return Object.hasOwn(auditWordsStrings.en.fields, field)
}

/** An action in words; an action newer than this desk is shown as the server wrote it. */
export function auditActionText(action: string, t: TFunction): string {
  return isUserAuditAction(action) ? t(`auditWords.actions.${action}`) : action
}

/**
 * A field of `changes` in words: the user form's label when it is a user-form field, the audit
 * words otherwise; a field newer than this desk is shown by its name.
 */
export function auditFieldText(field: string, t: TFunction): string {
  if (isFormField(field)) return t(`userForm.fields.${field}`)
  if (isAuditField(field)) return t(`auditWords.fields.${field}`)
  return field
}

/**
 * A recorded value as text in the operator's language: dates in their locale, booleans as yes/no,
 * nothing as "—", lists joined, structures as "field: value" pairs (never JSON).
 */
export function auditValueText(value: unknown, t: TFunction, language: Locale): string {
  if (value === null || value === undefined || value === '') return t('auditWords.values.none')
  if (typeof value === 'boolean') return t(value ? 'auditWords.values.yes' : 'auditWords.values.no')
  if (typeof value === 'number') return value.toLocaleString(language)
  if (typeof value === 'string') {
    if (value === redactedValue) return t('auditWords.values.hidden')
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return describeInstant(value, language).exact
    if (isoDay.test(value)) return describeDay(value, language)
    return value
  }
  if (Array.isArray(value)) return value.length === 0 ? t('auditWords.values.none') : value.map((item) => auditValueText(item, t, language)).join(', ')
  if (isRecord(value)) {
    const pairs = Object.entries(value).map(([field, inner]) => t('auditWords.values.pair', { field: auditFieldText(field, t), value: auditValueText(inner, t, language) }))
    return pairs.length === 0 ? t('auditWords.values.none') : pairs.join('; ')
  }
  return String(value)
}

export interface ChangeLine {
  /** The path of the field, for tests and styling: `email`, `session.ip`. */
  path: string
  label: string
  from: string
  to: string
}

/**
 * The lines of one field's change. Two structures (or a structure and nothing) open up into one
 * line per inner field that differs, "field: before → after", so nested values also read as words.
 */
export function changeLines(field: string, from: unknown, to: unknown, t: TFunction, language: Locale, labelPrefix = ''): ChangeLine[] {
  const label = labelPrefix + auditFieldText(field, t)
  const structured = (isRecord(from) || from === null || from === undefined) && (isRecord(to) || to === null || to === undefined) && (isRecord(from) || isRecord(to))
  if (!structured) return [{ path: field, label, from: auditValueText(from, t, language), to: auditValueText(to, t, language) }]
  const before = isRecord(from) ? from : {}
  const after = isRecord(to) ? to : {}
  const inner = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !Object.is(before[key], after[key]) || !(key in before) || !(key in after))
  return inner.flatMap((key) =>
    changeLines(key, before[key], after[key], t, language, `${label} › `).map((line) => ({ ...line, path: `${field}.${line.path}` }))
  )
}
