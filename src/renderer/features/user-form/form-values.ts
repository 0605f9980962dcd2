import type { InternalRole, UserDetail, UserUpdateRequest, invoiceDeliveries, languages } from '../../../shared/users'

export type InvoiceDelivery = (typeof invoiceDeliveries)[number]
export type UserLanguage = (typeof languages)[number]

/**
 * What the form holds: text inputs as strings ('' for nothing), the birthday as YYYY-MM-DD, ids and
 * codes as they are. `companyName` and `vat` are the user's company's own fields.
 */
export interface UserFormValues {
  namePrefix: string
  firstName: string
  middleName: string
  lastName: string
  nameSuffix: string
  login: string
  email: string
  /** The additional emails (Oro's "Add Another Email"). */
  emails: string[]
  phone: string
  birthday: string | null
  companyId: number | null
  websiteId: number | null
  companyName: string
  vat: string
  street: string
  street2: string
  city: string
  zip: string
  state: string
  country: string | null
  invoiceDelivery: InvoiceDelivery
  language: UserLanguage
  /** Internal users only; null for portal users. */
  role: InternalRole | null
}

export type FormField = keyof UserFormValues

/** Every field, in the order the form shows them (and the conflict panel lists them). */
export const formFields = [
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'login',
  'email',
  'emails',
  'phone',
  'birthday',
  'companyId',
  'websiteId',
  'companyName',
  'vat',
  'street',
  'street2',
  'city',
  'zip',
  'state',
  'country',
  'invoiceDelivery',
  'language',
  'role'
] as const satisfies readonly FormField[]

/** Fields the country lock covers (src/server/domain/users/document-lock.ts). */
export const documentLockedFields = ['country', 'companyId', 'companyName', 'vat'] as const satisfies readonly FormField[]

export function isFormField(name: string): name is FormField {
  return (formFields as readonly string[]).includes(name)
}

/** The form's values of a user as the server sent it (older fixtures may lack issue-3 fields). */
export function formValuesOf(user: UserDetail): UserFormValues {
  return {
    namePrefix: user.namePrefix ?? '',
    firstName: user.firstName ?? '',
    middleName: user.middleName ?? '',
    lastName: user.lastName ?? '',
    nameSuffix: user.nameSuffix ?? '',
    login: user.login,
    email: user.email ?? '',
    emails: [...(user.emails ?? [])],
    phone: user.phone ?? '',
    birthday: user.birthday ?? null,
    companyId: user.companyId,
    websiteId: user.websiteId ?? null,
    companyName: user.company ?? '',
    vat: user.vat ?? '',
    street: user.street ?? '',
    street2: user.street2 ?? '',
    city: user.city ?? '',
    zip: user.zip ?? '',
    state: user.state ?? '',
    country: user.country,
    invoiceDelivery: user.invoiceDelivery ?? 'email',
    language: user.language,
    role: user.kind === 'internal' ? user.role : null
  }
}

/** A field's value as the API takes it: trimmed, an empty optional text is null, blank other emails dropped. */
export type ApiValue = string | number | string[] | null

const clearable = new Set<FormField>(['namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix', 'email', 'phone', 'vat', 'street', 'street2', 'city', 'zip', 'state'])

export function apiValueOf(field: FormField, values: Partial<UserFormValues>): ApiValue {
  const value = values[field]
  if (value === undefined || value === null) return field === 'emails' ? [] : null
  if (Array.isArray(value)) return value.map((email) => email.trim()).filter((email) => email !== '')
  if (typeof value !== 'string') return value
  if (field === 'country') return value.trim().toUpperCase() || null
  const trimmed = value.trim()
  return clearable.has(field) && trimmed === '' ? null : trimmed
}

export function sameApiValue(a: ApiValue, b: ApiValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The changed fields only, as `users:update` takes them (without the version). */
export type UserPatch = Omit<UserUpdateRequest, 'version'>

/** The fields whose API value differs between the two sets of values, in form order. */
export function changedFields(base: Partial<UserFormValues>, current: Partial<UserFormValues>): FormField[] {
  return formFields.filter((field) => !sameApiValue(apiValueOf(field, base), apiValueOf(field, current)))
}

/**
 * What to send: the changed fields. The company name and VAT number edit the user's current company
 * (the server applies them to the company the user had before this save), so they are left out when
 * the company itself changes; the form disables them then.
 */
export function patchOf(base: UserFormValues, current: Partial<UserFormValues>): UserPatch {
  const fields = changedFields(base, current)
  const companyMoves = fields.includes('companyId')
  const patch: Record<string, ApiValue> = {}
  for (const field of fields) {
    if (companyMoves && (field === 'companyName' || field === 'vat')) continue
    if (field === 'role' && apiValueOf('role', current) === null) continue
    patch[field] = apiValueOf(field, current)
  }
  // The keys are form fields, each typed by apiValueOf like the request's field of the same name.
  return patch as UserPatch
}

export function hasChanges(patch: UserPatch): boolean {
  return Object.keys(patch).length > 0
}
