import type { TFunction } from 'i18next'
import { dormantAfterDays, type UserFacets } from '../../../shared/users'
import { userFilterKeys, type UserFilterKey, type UserGridFilters } from '../../stores/user-grid-settings'
import type { KindFilter } from '../../stores/user-list-view'
import type { UserListFilterQuery } from '../users/user-query-keys'

/** The chips' filters as `users:list` parameters, one to one (a company or website by its id). */
export function filterQueryOf(filters: UserGridFilters): UserListFilterQuery {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.twoFactor ? { twoFactor: filters.twoFactor } : {}),
    ...(filters.locked ? { locked: filters.locked } : {}),
    ...(filters.signIn ? { signIn: filters.signIn } : {}),
    ...(filters.company ? { companyId: filters.company.id } : {}),
    ...(filters.website ? { websiteId: filters.website.id } : {})
  }
}

export function activeFilterKeys(filters: UserGridFilters): UserFilterKey[] {
  return userFilterKeys.filter((key) => filters[key] !== undefined)
}

/**
 * How many users match the grid's filter, when that is known without reading them all. The server's
 * kind counts honour the search and the status only (counting the other filters would scan the
 * table on every page), so with any other filter the number is known once the whole list is loaded.
 */
export function matchingCount(input: {
  kind: KindFilter
  filters: UserGridFilters
  facets: UserFacets | undefined
  loaded: number
  complete: boolean
}): number | undefined {
  if (input.complete) return input.loaded
  const countedByFacets = activeFilterKeys(input.filters).every((key) => key === 'status')
  if (!countedByFacets || !input.facets) return undefined
  const { portal, internal } = input.facets.kind
  return input.kind === 'all' ? portal + internal : input.kind === 'portal' ? portal : internal
}

/** A chip's text: "2FA: on", "Company: Northwind Traders Ltd". */
export function filterChipText(key: UserFilterKey, filters: UserGridFilters, t: TFunction): string {
  const label = t(`userGrid.filters.${key}.label`)
  const value = filterValueText(key, filters, t)
  return t('userGrid.filters.chip', { label, value })
}

function filterValueText(key: UserFilterKey, filters: UserGridFilters, t: TFunction): string {
  switch (key) {
    case 'company':
      return filters.company?.name ?? ''
    case 'website':
      return filters.website?.name ?? ''
    default: {
      const value = filters[key]
      return value ? choiceText(key, value, t) : ''
    }
  }
}

export type ChoiceFilterKey = 'status' | 'twoFactor' | 'locked' | 'signIn'

/** The words for one of a fixed filter's values: "Archived", "Never signed in", "Dormant > 90 days". */
export function choiceText<K extends ChoiceFilterKey>(key: K, value: NonNullable<UserGridFilters[K]>, t: TFunction): string {
  switch (key) {
    case 'status':
      return t(`userGrid.filters.status.${value as NonNullable<UserGridFilters['status']>}`)
    case 'twoFactor':
      return t(`userGrid.filters.twoFactor.${value as NonNullable<UserGridFilters['twoFactor']>}`)
    case 'locked':
      return t(`userGrid.filters.locked.${value as NonNullable<UserGridFilters['locked']>}`)
    default:
      return value === 'dormant' ? t('userGrid.filters.signIn.dormant', { days: dormantAfterDays }) : t('userGrid.filters.signIn.never')
  }
}
