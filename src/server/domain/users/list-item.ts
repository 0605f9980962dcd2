import type { UserListItem } from '../../../shared/users'

/** The columns behind a UserListItem; the list and the detail select them alike (users as u, websites as w). */
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
  'u.version'
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
}

export function toListItem(row: ListItemRow): UserListItem {
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
    version: row.version
  }
}
