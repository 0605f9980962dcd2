import type { UserSort } from '../../../shared/users'
import type { KindFilter } from '../../stores/user-list-view'

export interface UserListParams {
  kind: KindFilter
  /** The applied (debounced, trimmed) search; empty means no search. */
  q: string
  sort: UserSort
}

/** Every users query hangs under `['users']`, so one call drops them all (sign-out, portal change). */
export const userQueryKeys = {
  all: ['users'] as const,
  lists: () => [...userQueryKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userQueryKeys.lists(), params] as const,
  detail: (id: number) => [...userQueryKeys.all, 'detail', id] as const,
  paymentMethods: (id: number) => [...userQueryKeys.all, 'payment-methods', id] as const,
  signIns: (id: number) => [...userQueryKeys.all, 'sign-ins', id] as const,
  /** `action` empty: every action. */
  audit: (id: number, action: string) => [...userQueryKeys.all, 'audit', id, action] as const
}
