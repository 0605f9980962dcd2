import type { UserListQuery, UserSort } from '../../../shared/users'
import type { PageSize } from '../../stores/user-grid-settings'
import type { KindFilter } from '../../stores/user-list-view'

/** The `users:list` filters beside kind and search, as the server takes them (ids, not names). */
export type UserListFilterQuery = Pick<UserListQuery, 'status' | 'twoFactor' | 'locked' | 'signIn' | 'companyId' | 'websiteId'>

/** Everything that decides which rows the grid shows: all of it is in the query key. */
export interface UserListParams {
  kind: KindFilter
  /** The applied (debounced, trimmed) search; empty means no search. */
  q: string
  sort: UserSort
  filters: UserListFilterQuery
  /** Rows per request: another page size is another page boundary, hence another cache entry. */
  pageSize: PageSize
}

/** Every users query hangs under `['users']`, so one call drops them all (sign-out, portal change). */
export const userQueryKeys = {
  all: ['users'] as const,
  lists: () => [...userQueryKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userQueryKeys.lists(), params] as const,
  detail: (id: number) => [...userQueryKeys.all, 'detail', id] as const,
  paymentMethods: (id: number) => [...userQueryKeys.all, 'payment-methods', id] as const,
  signIns: (id: number) => [...userQueryKeys.all, 'sign-ins', id] as const,
  /** Every filter of one user's audit trail (an action adds to all of them). */
  auditOf: (id: number) => [...userQueryKeys.all, 'audit', id] as const,
  /** Whether the audit log's hash chain holds: one answer for every user's page. */
  auditIntegrity: () => [...userQueryKeys.all, 'audit-integrity'] as const,
  /** `action` empty: every action. */
  audit: (id: number, action: string) => [...userQueryKeys.auditOf(id), action] as const
}
