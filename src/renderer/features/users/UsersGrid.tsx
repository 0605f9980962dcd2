import { Button, Empty, Table, Typography, type TableRef } from 'antd'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, type UIEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserListItem, UserListPage, UserSort } from '../../../shared/users'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useElementHeight } from '../../components/use-element-height'
import { usePreferences } from '../../stores/app-stores'
import type { UserColumnKey } from '../../stores/user-grid-settings'
import { selectionColumnWidth, userColumns, userColumnsWidth, sortOf } from './user-columns'
import type { UserListParams } from './user-query-keys'

/** The scrolling element of antd's virtual body. */
function virtualHolder(table: TableRef | null): HTMLElement | null {
  return table?.nativeElement.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder') ?? null
}

/** Index (in `rows`) of the first row whose bottom edge is below the top of the viewport. */
function firstVisibleRow(table: TableRef | null, rows: UserListItem[]): number {
  const holder = virtualHolder(table)
  if (!holder) return 0
  const top = holder.getBoundingClientRect().top
  for (const row of holder.querySelectorAll<HTMLElement>('[data-user-id]')) {
    if (row.getBoundingClientRect().bottom > top + 1) {
      const index = rows.findIndex((user) => user.id === Number(row.dataset.userId))
      return Math.max(0, index)
    }
  }
  return 0
}

/** Start fetching the next page while this many pixels of rows are still below the viewport. */
const loadAheadPx = 1200
/** Height of the grid's header row at size "middle"; the virtual body gets the rest. */
const headerRowPx = 47

interface UsersGridProps {
  list: UseInfiniteQueryResult<InfiniteData<UserListPage>>
  params: UserListParams
  /** How many users match, when known; otherwise the status line says how many are loaded so far. */
  total: number | undefined
  columns: readonly UserColumnKey[]
  /** Ticked users (some may not be loaded: "select all matching"). */
  selectedIds: readonly number[]
  /** The new ticked set, and the rows the grid knows for them. */
  onSelectionChange: (ids: number[], known: (id: number) => UserListItem | undefined) => void
  /** The row to show first on arrival: where the operator was before opening a user. */
  initialTopRow: number
  onSortChange: (sort: UserSort) => void
  /** Opens a user; `topRowIndex` is where the grid stood, to come back to the same place. */
  onOpen: (user: UserListItem, topRowIndex: number) => void
  onClearSearch: () => void
  onClearFilters: () => void
}

/**
 * The virtual users table: only the visible rows exist in the DOM, so thousands of loaded rows scroll
 * smoothly; the next keyset page is requested as the end comes near. The wrapper's data-* attributes
 * say which query is on screen and whether it has settled (tests wait on them).
 */
export function UsersGrid(props: UsersGridProps) {
  const { list, params } = props
  const { t } = useTranslation()
  const container = useRef<HTMLDivElement>(null)
  const table = useRef<TableRef>(null)
  const height = useElementHeight(container, 480)
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const columns = useMemo(() => userColumns(t, params.sort, props.columns), [t, params.sort, props.columns])
  const selectedIds = props.selectedIds
  const { onSelectionChange } = props
  const rowsById = useMemo(() => new Map(rows.map((user) => [user.id, user])), [rows])
  const toggle = (user: UserListItem) => {
    const ids = selectedIds.includes(user.id) ? selectedIds.filter((id) => id !== user.id) : [...selectedIds, user.id]
    onSelectionChange(ids, (id) => rowsById.get(id))
  }

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = list
  const loadMoreIfNearEnd = useCallback(
    (holder: HTMLElement) => {
      const remaining = holder.scrollHeight - holder.scrollTop - holder.clientHeight
      if (remaining < loadAheadPx && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) void fetchNextPage()
    },
    [hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]
  )

  const onScroll = (event: UIEvent<HTMLDivElement>) => loadMoreIfNearEnd(event.currentTarget)

  // A page that arrived while the operator was already at the end gets no scroll event: check again.
  useEffect(() => {
    const holder = virtualHolder(table.current)
    if (holder) loadMoreIfNearEnd(holder)
  }, [rows.length, loadMoreIfNearEnd])

  // Back from a user's details: the pages are cached, so return to the same first row. Rows are
  // remembered by index, not pixels: the virtual list only knows the heights of rows it has drawn.
  const restored = useRef(false)
  useEffect(() => {
    if (restored.current || rows.length === 0) return
    restored.current = true
    if (props.initialTopRow > 0 && props.initialTopRow < rows.length) table.current?.scrollTo({ index: props.initialTopRow, align: 'start' })
  }, [rows.length, props.initialTopRow])

  const open = (user: UserListItem) => props.onOpen(user, firstVisibleRow(table.current, rows))

  // Another filter, search or sort is another list: show it from the top.
  const filtersText = JSON.stringify(params.filters)
  const filtered = Object.keys(params.filters).length > 0
  const listKey = `${params.kind}|${params.q}|${params.sort}|${filtersText}|${params.pageSize}`
  const shownKey = useRef(listKey)
  useEffect(() => {
    if (shownKey.current === listKey) return
    shownKey.current = listKey
    table.current?.scrollTo({ top: 0 })
  }, [listKey])

  const state = list.isPending || isPlaceholderData ? 'loading' : list.isError && !list.data ? 'error' : 'ready'

  return (
    <div
      className="users-grid"
      data-testid="users-grid"
      data-state={state}
      data-kind={params.kind}
      data-q={params.q}
      data-sort={params.sort}
      data-filters={filtersText}
      data-page-size={params.pageSize}
      data-selected={selectedIds.length}
      data-loaded={rows.length}
      data-complete={String(!hasNextPage && !list.isPending)}
    >
      {state === 'error' ? (
        <div className="users-grid__error">
          <ErrorAlert error={list.error} title={t('users.loadFailed')} onRetry={() => void list.refetch()} testId="users-error" />
        </div>
      ) : (
        <>
          <div className="users-grid__table" ref={container}>
            <Table<UserListItem>
              ref={table}
              virtual
              size="middle"
              aria-label={t('users.gridLabel')}
              rowKey="id"
              columns={columns}
              dataSource={rows}
              pagination={false}
              loading={state === 'loading'}
              showSorterTooltip={false}
              scroll={{ x: userColumnsWidth(props.columns), y: Math.max(120, height - headerRowPx) }}
              rowSelection={{
                selectedRowKeys: [...selectedIds],
                preserveSelectedRowKeys: true,
                columnWidth: selectionColumnWidth,
                onChange: (keys) => onSelectionChange(keys.map(Number), (id) => rowsById.get(id)),
                getCheckboxProps: (user) => ({ 'aria-label': t('userGrid.selection.row', { name: user.name }), 'data-testid': 'row-select' }) as never,
                getTitleCheckboxProps: () => ({ 'aria-label': t('userGrid.selection.loaded'), 'data-testid': 'select-loaded' }) as never
              }}
              onScroll={onScroll}
              onChange={(_pagination, _filters, sorter) => {
                const single = Array.isArray(sorter) ? sorter[0] : sorter
                const key = single?.columnKey
                if (key === 'name' || key === 'login' || key === 'email' || key === 'company' || key === 'lastSignInAt') {
                  props.onSortChange(sortOf(key, single?.order))
                }
              }}
              onRow={(user) => ({
                tabIndex: 0,
                onClick: (event) => {
                  // A click on the checkbox (or its cell) selects; anywhere else opens the user.
                  if ((event.target as HTMLElement).closest('.ant-table-selection-column')) return
                  open(user)
                },
                onKeyDown: (event) => {
                  // Only keys on the row itself: Space on the checkbox already toggles it.
                  if (event.target !== event.currentTarget) return
                  if (event.key === 'Enter') open(user)
                  if (event.key === ' ') {
                    event.preventDefault()
                    toggle(user)
                  }
                },
                ...({ 'data-testid': 'user-row', 'data-user-id': user.id } as Record<string, string | number>)
              })}
              locale={{
                emptyText:
                  state === 'loading' ? (
                    <span />
                  ) : (
                    <Empty
                      data-testid="users-empty"
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={params.q ? t('users.empty', { q: params.q }) : filtered ? t('userGrid.emptyFiltered') : t('users.emptyNoSearch')}
                    >
                      {params.q ? <Button onClick={props.onClearSearch}>{t('users.clearSearch')}</Button> : null}
                      {!params.q && filtered ? <Button onClick={props.onClearFilters}>{t('userGrid.filters.clear')}</Button> : null}
                    </Empty>
                  )
              }}
            />
          </div>
          <GridStatus {...props} loaded={rows.length} />
        </>
      )}
    </div>
  )
}

/** One line under the grid: how much is loaded, whether more is coming, or why it is not. */
function GridStatus({ list, total, loaded }: UsersGridProps & { loaded: number }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  if (list.isFetchNextPageError) {
    return (
      <div className="users-grid__status">
        <ErrorAlert error={list.error} title={t('users.loadFailed')} onRetry={() => void list.fetchNextPage()} testId="users-more-error" />
      </div>
    )
  }
  if (list.isPending || loaded === 0) return <div className="users-grid__status" />
  const text = list.isFetchingNextPage
    ? t('users.loadingMore')
    : !list.hasNextPage
      ? t('users.allLoaded', { count: loaded, total: loaded.toLocaleString(language) })
      : total === undefined
        ? t('userGrid.loadedSoFar', { count: loaded, loaded: loaded.toLocaleString(language) })
        : t('users.loadedCount', { count: total, loaded: loaded.toLocaleString(language), total: total.toLocaleString(language) })
  return (
    <div className="users-grid__status" data-testid="users-status" role="status">
      <Typography.Text type="secondary">{text}</Typography.Text>
    </div>
  )
}
