/** The tabs, as they appear in the route: #/users/42 (General), #/users/42/security, #/users/42/payment-methods, #/users/42/activity. */
export const userPageTabs = ['general', 'security', 'payment-methods', 'activity'] as const
export type UserPageTab = (typeof userPageTabs)[number]

/** The tab of a route segment; none means General, anything unknown is null (not found). */
export function tabOf(segment: string | undefined): UserPageTab | null {
  if (segment === undefined) return 'general'
  return (userPageTabs as readonly string[]).includes(segment) ? (segment as UserPageTab) : null
}

export function userPagePath(id: number, tab: UserPageTab): string {
  return tab === 'general' ? `/users/${id}` : `/users/${id}/${tab}`
}
