import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserListQuery } from '../../../shared/users'
import { useAppStores, useUserListView } from '../../stores/app-stores'
import { AddFilter } from './AddFilter'
import { ColumnChooser } from './ColumnChooser'
import { ExportCsv } from './export/ExportCsv'
import { FilterChips } from './FilterChips'
import { PageSizeSelect } from './PageSizeSelect'
import './user-grid.css'

/**
 * The row under the title: the filter chips with "Add filter" and "Clear filters" on the left; the
 * column chooser, rows per request and Export CSV on the right. Everything here lives in the view
 * store (and is remembered per connection); the grid's query follows it.
 */
export function GridToolbar({ query, matching }: { query: UserListQuery; matching: number | undefined }) {
  const { t } = useTranslation()
  const { userListView } = useAppStores()
  const filters = useUserListView((view) => view.filters)
  const columns = useUserListView((view) => view.columns)
  const pageSize = useUserListView((view) => view.pageSize)
  const view = userListView.getState()
  const addButton = useRef<HTMLButtonElement>(null)

  return (
    <div className="grid-toolbar" role="group" aria-label={t('userGrid.toolbarLabel')} data-testid="grid-toolbar">
      <div className="grid-toolbar__filters">
        <AddFilter filters={filters} onAdd={view.setFilter} buttonRef={addButton} />
        <FilterChips
          filters={filters}
          onRemove={(key) => {
            view.removeFilter(key)
            // The chip's button is gone: keep the keyboard near the filters.
            addButton.current?.focus()
          }}
          onClear={() => {
            view.clearFilters()
            addButton.current?.focus()
          }}
        />
      </div>
      <div className="grid-toolbar__views">
        <ColumnChooser columns={columns} onChange={view.setColumns} />
        <PageSizeSelect value={pageSize} onChange={view.setPageSize} />
        <ExportCsv query={query} columns={columns} total={matching} />
      </div>
    </div>
  )
}
