import { CloseOutlined } from '@ant-design/icons'
import { Button, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserFilterKey, UserGridFilters } from '../../stores/user-grid-settings'
import { activeFilterKeys, filterChipText } from './grid-filters'

/**
 * The active filters as chips, each with its own remove button (a real button, so Tab reaches it and
 * a screen reader says which filter it removes), and "Clear filters" when there are any.
 */
export function FilterChips({ filters, onRemove, onClear }: { filters: UserGridFilters; onRemove: (key: UserFilterKey) => void; onClear: () => void }) {
  const { t } = useTranslation()
  const keys = activeFilterKeys(filters)
  if (keys.length === 0) return null
  return (
    <>
      <ul className="filter-chips" data-testid="filter-chips">
        {keys.map((key) => {
          const text = filterChipText(key, filters, t)
          return (
            <li key={key}>
              <Tag color="processing" className="filter-chip" data-testid="filter-chip" data-filter={key}>
                <span className="filter-chip__text" title={text}>
                  {text}
                </span>
                <Button
                  type="text"
                  size="small"
                  className="filter-chip__remove"
                  icon={<CloseOutlined />}
                  aria-label={t('userGrid.filters.remove', { filter: text })}
                  onClick={() => onRemove(key)}
                  data-testid="filter-chip-remove"
                />
              </Tag>
            </li>
          )
        })}
      </ul>
      <Button type="link" size="small" onClick={onClear} data-testid="clear-filters" className="filter-chips__clear">
        {t('userGrid.filters.clear')}
      </Button>
    </>
  )
}
