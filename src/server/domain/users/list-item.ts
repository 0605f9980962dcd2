import { sql } from 'kysely'
import { endpoints, urlOf } from '../../../shared/endpoints'
import type { UserListItem } from '../../../shared/users'
import type { InvoiceDeliveryColumn, LanguageColumn, UserRoleColumn } from '../../db/schema'

/**
 * The columns behind a list item; the list and the detail select them alike, from `users as u` left
 * joined to `websites as w` (its name) and `totp as t` (the 2FA state). Whether a lock still runs
 * is judged by the injected clock, as the sign-in throttle does, never by the database's now().
 */
export const listItemColumns = [
  'u.id',
  'u.kind',
  'u.login',
  'u.name',
  'u.email',
  'u.phone',
  'u.company_name',
  'w.name as website_name',
  'u.active',
  'u.last_sign_in_at',
  'u.version',
  'u.name_prefix',
  'u.first_name',
  'u.middle_name',
  'u.last_name',
  'u.name_suffix',
  'u.emails',
  'u.birthday',
  'u.avatar_updated_at',
  'u.street',
  'u.street2',
  'u.city',
  'u.zip',
  'u.state',
  'u.country',
  'u.invoice_delivery',
  'u.language',
  'u.role',
  'u.locked_until',
  'u.must_change_password',
  'u.company_id',
  'u.website_id',
  'u.created_at',
  'u.updated_at',
  't.enabled_at as totp_enabled_at'
] as const

export interface ListItemRow {
  id: number
  kind: UserListItem['kind']
  login: string
  name: string
  email: string | null
  phone: string | null
  company_name: string | null
  website_name: string | null
  active: boolean
  last_sign_in_at: Date | null
  version: number
  name_prefix: string | null
  first_name: string | null
  middle_name: string | null
  last_name: string | null
  name_suffix: string | null
  emails: string[]
  birthday: string | null
  avatar_updated_at: Date | null
  street: string | null
  street2: string | null
  city: string | null
  zip: string | null
  state: string | null
  country: string | null
  invoice_delivery: InvoiceDeliveryColumn
  language: LanguageColumn
  role: UserRoleColumn | null
  locked_until: Date | null
  must_change_password: boolean
  company_id: number | null
  website_id: number | null
  created_at: Date
  updated_at: Date
  totp_enabled_at: Date | null
}

/** Where the avatar is served, with its change time so that a cached old picture is never shown. */
export function avatarUrl(id: number, updatedAt: Date | null): string | null {
  return updatedAt === null ? null : `${urlOf(endpoints.getAvatar, { id })}?v=${updatedAt.getTime()}`
}

export type CompleteUserListItem = Required<UserListItem>

/** `now` decides whether a lock is still running: the same clock as the sign-in throttle's. */
export function toListItem(row: ListItemRow, now: Date): CompleteUserListItem {
  const locked = row.locked_until !== null && row.locked_until.getTime() > now.getTime()
  return {
    id: row.id,
    kind: row.kind,
    login: row.login,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company_name,
    website: row.website_name,
    active: row.active,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    version: row.version,
    namePrefix: row.name_prefix,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    nameSuffix: row.name_suffix,
    emails: row.emails,
    birthday: row.birthday,
    avatarUrl: avatarUrl(row.id, row.avatar_updated_at),
    street: row.street,
    street2: row.street2,
    city: row.city,
    zip: row.zip,
    state: row.state,
    country: row.country,
    invoiceDelivery: row.invoice_delivery,
    language: row.language,
    role: row.role,
    locked,
    lockedUntil: locked ? (row.locked_until?.toISOString() ?? null) : null,
    twoFactor: row.totp_enabled_at !== null,
    mustChangePassword: row.must_change_password,
    companyId: row.company_id,
    websiteId: row.website_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString()
  }
}

/** SQL twin of `locked` in toListItem, for the `locked` filter. */
export const lockedAt = (now: Date) => sql<boolean>`u.locked_until > ${now}::timestamptz`
