import { userQueryKeys } from '../users/user-query-keys'

/**
 * The Security tab's own queries. They hang under `['users']` like every users query, so that a
 * sign-out or a portal change drops them with the rest.
 */
export const securityQueryKeys = {
  all: (id: number) => [...userQueryKeys.all, 'security', id] as const,
  resetLink: (id: number) => [...securityQueryKeys.all(id), 'reset-link'] as const,
  passkeys: (id: number) => [...securityQueryKeys.all(id), 'passkeys'] as const,
  sessions: (id: number) => [...securityQueryKeys.all(id), 'sessions'] as const,
  apiKeys: (id: number) => [...securityQueryKeys.all(id), 'api-keys'] as const
}
