import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { fieldRefusal, refusal } from '../refusal'
import type { Database, UserRow } from '../../db/schema'

/** Today in UTC by the server's clock, YYYY-MM-DD. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10)
}

export function invalidField(path: string, message: string): DeskError {
  return new DeskError('VALIDATION', message, [{ path, message }])
}

/** A birthday must have happened: not after today by the injected clock. */
export function assertBirthdayNotInFuture(birthday: string | null | undefined, now: Date): void {
  if (birthday && birthday > today(now)) throw fieldRefusal('VALIDATION', 'birthdayInFuture', 'birthday', 'A birthday cannot be in the future.')
}

/** The display name from its parts (prefix, first, middle, last, suffix), or '' when there are none. */
export function composeName(parts: { namePrefix?: string | null; firstName?: string | null; middleName?: string | null; lastName?: string | null; nameSuffix?: string | null }): string {
  return [parts.namePrefix, parts.firstName, parts.middleName, parts.lastName, parts.nameSuffix]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
    .slice(0, 200)
}

/** 400 naming the field when the company or website does not exist (rather than a bare foreign-key error). */
export async function assertCompanyAndWebsiteExist(db: Kysely<Database>, ids: { companyId?: number | null; websiteId?: number | null }): Promise<void> {
  if (ids.companyId !== undefined && ids.companyId !== null) {
    const company = await db.selectFrom('companies').select('id').where('id', '=', ids.companyId).executeTakeFirst()
    if (!company) throw fieldRefusal('VALIDATION', 'unknownCompany', 'companyId', 'There is no company with this id.')
  }
  if (ids.websiteId !== undefined && ids.websiteId !== null) {
    const website = await db.selectFrom('websites').select('id').where('id', '=', ids.websiteId).executeTakeFirst()
    if (!website) throw fieldRefusal('VALIDATION', 'unknownWebsite', 'websiteId', 'There is no website with this id.')
  }
}

/** The API's camelCase name of each editable users column. */
export const userColumnOfField = {
  namePrefix: 'name_prefix',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  nameSuffix: 'name_suffix',
  name: 'name',
  login: 'login',
  email: 'email',
  emails: 'emails',
  phone: 'phone',
  birthday: 'birthday',
  street: 'street',
  street2: 'street2',
  city: 'city',
  zip: 'zip',
  state: 'state',
  country: 'country',
  invoiceDelivery: 'invoice_delivery',
  language: 'language',
  role: 'role',
  companyId: 'company_id',
  websiteId: 'website_id',
  mustChangePassword: 'must_change_password'
} as const satisfies Record<string, keyof UserRow>

export type EditableUserField = keyof typeof userColumnOfField

/** A deleted account is kept for its audit trail only: nothing about it changes any more. */
export function assertNotDeleted(row: Pick<UserRow, 'deleted_at'>): void {
  if (row.deleted_at !== null) throw refusal('CONFLICT', 'accountDeleted', 'This account was deleted; it cannot be changed or restored.')
}
