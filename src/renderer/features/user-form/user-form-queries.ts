import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { companyQueryKeys } from '../companies/company-queries'
import { userQueryKeys } from '../users/user-query-keys'

/**
 * The form's own queries. They hang under `['users']` like every users query, so that signing out or
 * switching portals drops them too.
 */
export const userFormQueryKeys = {
  /** Keyed by the avatar's URL, which carries its change time: a new picture is a new entry. */
  avatar: (id: number, avatarUrl: string) => [...userQueryKeys.all, 'avatar', id, avatarUrl] as const
}

/** The avatar as a data: URL (the image itself needs the operator's token, which only main has). */
export function useAvatarImage(id: number, avatarUrl: string | null | undefined) {
  const desk = useDeskClient()
  return useQuery({
    queryKey: userFormQueryKeys.avatar(id, avatarUrl ?? ''),
    queryFn: () => desk.users.avatar({ id }),
    enabled: Boolean(avatarUrl),
    staleTime: Infinity
  })
}

/**
 * After the server accepted a change: the detail query gets the user the server returned (no second
 * round trip), and what shows the user elsewhere is refetched: the grid's lists and the user's audit
 * timeline (the change is its newest entry), and the companies (name, VAT number, users).
 */
export function useCommitUser() {
  const queryClient = useQueryClient()
  return useCallback(
    (detail: UserDetail) => {
      queryClient.setQueryData(userQueryKeys.detail(detail.id), detail)
      void queryClient.invalidateQueries({ queryKey: userQueryKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: [...userQueryKeys.all, 'audit', detail.id] })
      // The company's name and VAT number, or its users, may have changed with the user.
      void queryClient.invalidateQueries({ queryKey: [...userQueryKeys.all, 'form-options'] })
      void queryClient.invalidateQueries({ queryKey: companyQueryKeys.all })
    },
    [queryClient]
  )
}
