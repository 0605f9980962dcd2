import { Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { UserFacets } from '../../../shared/users'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { useAppStores, useUserListView } from '../../stores/app-stores'
import type { KindFilter as Kind } from '../../stores/user-list-view'
import { KindFilter } from './KindFilter'
import { useUserList } from './user-queries'
import type { UserListParams } from './user-query-keys'
import { UserSearchBox } from './UserSearchBox'
import { UsersGrid } from './UsersGrid'

/** Typing pauses this long before a search goes out; anything typed meanwhile supersedes it. */
export const searchDebounceMs = 250

function countFor(kind: Kind, facets: UserFacets | undefined): number | undefined {
  if (!facets) return undefined
  return kind === 'all' ? facets.kind.portal + facets.kind.internal : facets.kind[kind]
}

/** Manage Users: the start screen. Filter, search and sort live in the view store; rows in the query cache. */
export function UsersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { userListView } = useAppStores()
  const kind = useUserListView((view) => view.kind)
  const searchText = useUserListView((view) => view.searchText)
  const sort = useUserListView((view) => view.sort)
  const q = useDebouncedValue(searchText.trim(), searchDebounceMs)
  const params = useMemo<UserListParams>(() => ({ kind, q, sort }), [kind, q, sort])
  const list = useUserList(params)
  const facets = list.data?.pages[0]?.facets
  const actions = userListView.getState()

  return (
    <div className="users-page" data-testid="users-page">
      <div className="users-toolbar">
        <Typography.Title level={1} className="page-title">
          {t('users.title')}
        </Typography.Title>
        <KindFilter value={kind} facets={facets} onChange={actions.setKind} />
        <UserSearchBox value={searchText} onChange={actions.setSearchText} />
      </div>
      <UsersGrid
        list={list}
        params={params}
        total={countFor(kind, facets)}
        initialTopRow={actions.topRowIndex}
        onSortChange={actions.setSort}
        onOpen={(user, topRowIndex) => {
          actions.setTopRowIndex(topRowIndex)
          void navigate(`/users/${user.id}`)
        }}
        onClearSearch={() => actions.setSearchText('')}
      />
    </div>
  )
}
