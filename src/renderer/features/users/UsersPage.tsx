import { Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useSession } from '../../app/session'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { useAppStores, useUserListView } from '../../stores/app-stores'
import { NewPortalUserButton } from '../new-user/NewPortalUserDialog'
import { BulkActions } from '../user-grid/bulk/BulkActions'
import { filterQueryOf, matchingCount } from '../user-grid/grid-filters'
import { GridToolbar } from '../user-grid/GridToolbar'
import { useRememberedGridSettings } from '../user-grid/use-remembered-grid-settings'
import { useUserSelection } from '../user-grid/use-user-selection'
import { KindFilter } from './KindFilter'
import { useUserList, userListQueryOf } from './user-queries'
import type { UserListParams } from './user-query-keys'
import { UserSearchBox } from './UserSearchBox'
import { UsersGrid } from './UsersGrid'

/** Typing pauses this long before a search goes out; anything typed meanwhile supersedes it. */
export const searchDebounceMs = 250

/**
 * Manage Users: the start screen. Filters, search, sort, columns and page size live in the view store
 * (the last three remembered per connection); rows in the query cache; the selection in this page.
 */
export function UsersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { userListView } = useAppStores()
  const settingsReady = useRememberedGridSettings(useSession().data?.activeConnectionId ?? null)
  const kind = useUserListView((view) => view.kind)
  const searchText = useUserListView((view) => view.searchText)
  const sort = useUserListView((view) => view.sort)
  const filters = useUserListView((view) => view.filters)
  const pageSize = useUserListView((view) => view.pageSize)
  const columns = useUserListView((view) => view.columns)
  const q = useDebouncedValue(searchText.trim(), searchDebounceMs)
  const filterQuery = useMemo(() => filterQueryOf(filters), [filters])
  const params = useMemo<UserListParams>(() => ({ kind, q, sort, filters: filterQuery, pageSize }), [kind, q, sort, filterQuery, pageSize])
  const query = useMemo(() => userListQueryOf(params), [params])
  const list = useUserList(params, { enabled: settingsReady })
  const facets = list.data?.pages[0]?.facets
  const actions = userListView.getState()

  // Counts of a list still loading belong to the previous one: only a settled list says how many match.
  const settled = !list.isPending && !list.isPlaceholderData
  const loaded = list.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0
  const matching = settled ? matchingCount({ kind, filters, facets, loaded, complete: !list.hasNextPage }) : undefined
  // The sort orders the same users: only another set of users drops the selection.
  const selection = useUserSelection(JSON.stringify([kind, q, filterQuery]), query)
  const selectedIds = useMemo(() => [...selection.selection.users.keys()], [selection.selection])

  return (
    <div className="users-page" data-testid="users-page">
      <div className="users-toolbar">
        <Typography.Title level={1} className="page-title">
          {t('users.title')}
        </Typography.Title>
        <KindFilter value={kind} facets={facets} onChange={actions.setKind} />
        <UserSearchBox value={searchText} onChange={actions.setSearchText} />
        <NewPortalUserButton />
      </div>
      <GridToolbar query={query} matching={matching} />
      <BulkActions
        selection={selection.selection}
        matching={matching}
        selectAll={selection.selectAll}
        onSelectAllMatching={() => void selection.selectAllMatching()}
        onCancelSelectAll={selection.cancelSelectAll}
        onClearSelection={selection.clear}
      />
      <UsersGrid
        list={list}
        params={params}
        total={matching}
        columns={columns}
        selectedIds={selectedIds}
        onSelectionChange={selection.setKeys}
        initialTopRow={actions.topRowIndex}
        onSortChange={actions.setSort}
        onOpen={(user, topRowIndex) => {
          actions.setTopRowIndex(topRowIndex)
          void navigate(`/users/${user.id}`)
        }}
        onClearSearch={() => actions.setSearchText('')}
        onClearFilters={actions.clearFilters}
      />
    </div>
  )
}
