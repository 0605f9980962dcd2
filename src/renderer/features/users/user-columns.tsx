import { Tag, Typography, type TableColumnType } from 'antd'
import type { TFunction } from 'i18next'
import type { UserKind, UserListItem, UserSort, UserSortKey } from '../../../shared/users'
import { RelativeTime } from '../../components/RelativeTime'

export function sortKeyOf(sort: UserSort): { key: UserSortKey; order: 'ascend' | 'descend' } {
  return sort.startsWith('-') ? { key: sort.slice(1) as UserSortKey, order: 'descend' } : { key: sort as UserSortKey, order: 'ascend' }
}

export function sortOf(key: UserSortKey, order: TableColumnType<UserListItem>['sortOrder']): UserSort {
  return order === 'descend' ? `-${key}` : key
}

export function KindTag({ kind, t }: { kind: UserKind; t: TFunction }) {
  return (
    <Tag color={kind === 'internal' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {t(`users.kind.${kind}`)}
    </Tag>
  )
}

/**
 * A cell's text on one line; the column's CSS ellipsis cuts it and the title shows it whole. Plain
 * spans keep scrolling cheap. `data-field` lets tests (and people reading the DOM) find the value.
 */
function Cell({ field, text }: { field: string; text: string | null }) {
  return (
    <span data-field={field} title={text ?? undefined}>
      {text ?? ''}
    </span>
  )
}

/** Column widths add up to the table's scroll width; the virtual grid needs them fixed. */
const widths = { name: 210, login: 200, email: 260, company: 200, website: 200, kind: 96, lastSignIn: 140 } as const
export const userColumnsWidth = Object.values(widths).reduce((sum, width) => sum + width, 0)

export function userColumns(t: TFunction, sort: UserSort): TableColumnType<UserListItem>[] {
  const current = sortKeyOf(sort)
  const sortable = (key: UserSortKey): Pick<TableColumnType<UserListItem>, 'key' | 'sorter' | 'sortOrder' | 'sortDirections'> => ({
    key,
    sorter: true,
    sortOrder: current.key === key ? current.order : null,
    // Clicking a sorted header flips the direction; the grid never falls back to "unsorted".
    sortDirections: ['ascend', 'descend', 'ascend']
  })
  return [
    {
      ...sortable('name'),
      ellipsis: true,
      title: t('users.columns.name'),
      dataIndex: 'name',
      width: widths.name,
      render: (_, user) => (
        <span className="user-name-cell">
          <Cell field="name" text={user.name} />
          {user.active ? null : <Tag style={{ marginInlineStart: 6 }}>{t('users.archived')}</Tag>}
        </span>
      )
    },
    { ...sortable('login'), ellipsis: true, title: t('users.columns.login'), dataIndex: 'login', width: widths.login, render: (_, user) => <Cell field="login" text={user.login} /> },
    { ...sortable('email'), ellipsis: true, title: t('users.columns.email'), dataIndex: 'email', width: widths.email, render: (_, user) => <Cell field="email" text={user.email} /> },
    {
      ...sortable('company'),
      ellipsis: true,
      title: t('users.columns.company'),
      dataIndex: 'company',
      width: widths.company,
      render: (_, user) => <Cell field="company" text={user.company} />
    },
    { key: 'website', ellipsis: true, title: t('users.columns.website'), dataIndex: 'website', width: widths.website, render: (_, user) => <Cell field="website" text={user.website} /> },
    {
      key: 'kind',
      title: t('users.columns.kind'),
      dataIndex: 'kind',
      width: widths.kind,
      render: (_, user) => (
        <span data-field="kind" data-kind={user.kind}>
          <KindTag kind={user.kind} t={t} />
        </span>
      )
    },
    {
      ...sortable('lastSignInAt'),
      title: t('users.columns.lastSignIn'),
      dataIndex: 'lastSignInAt',
      width: widths.lastSignIn,
      render: (_, user) =>
        user.lastSignInAt ? (
          <span data-field="lastSignIn">
            <RelativeTime iso={user.lastSignInAt} />
          </span>
        ) : (
          <Typography.Text type="secondary" data-field="lastSignIn">
            {t('users.never')}
          </Typography.Text>
        )
    }
  ]
}
