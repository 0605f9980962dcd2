import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserFacets } from '../../../shared/users'
import { usePreferences } from '../../stores/app-stores'
import type { KindFilter as Kind } from '../../stores/user-list-view'

function FilterLabel({ kind, text, count }: { kind: Kind; text: string; count: number | undefined }) {
  const language = usePreferences((state) => state.language)
  return (
    <span className="kind-filter__label" data-testid={`kind-filter-${kind}`} data-count={count ?? ''}>
      {text}
      {count === undefined ? null : <span className="kind-filter__count">{count.toLocaleString(language)}</span>}
    </span>
  )
}

/**
 * Odoo's search panel as a segmented control: Internal Users, Portal Users, All, each with its count
 * from the list's facets. Switching stays on the page; counts stay put while the next list loads.
 */
export function KindFilter({ value, facets, onChange }: { value: Kind; facets: UserFacets | undefined; onChange: (kind: Kind) => void }) {
  const { t } = useTranslation()
  const counts = facets?.kind
  return (
    <Segmented<Kind>
      aria-label={t('users.filterLabel')}
      data-testid="kind-filter"
      value={value}
      onChange={onChange}
      options={[
        { value: 'internal', label: <FilterLabel kind="internal" text={t('users.filterInternal')} count={counts?.internal} /> },
        { value: 'portal', label: <FilterLabel kind="portal" text={t('users.filterPortal')} count={counts?.portal} /> },
        { value: 'all', label: <FilterLabel kind="all" text={t('users.filterAll')} count={counts ? counts.internal + counts.portal : undefined} /> }
      ]}
    />
  )
}
