import { Tag, Typography, type TableColumnType } from 'antd'
import type { TFunction } from 'i18next'
import type { UserKind, UserListItem, UserSort, UserSortKey } from '../../../shared/users'
import { RelativeTime } from '../../components/RelativeTime'
import { userColumnKeys, type UserColumnKey } from '../../stores/user-grid-settings'

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
const widths: Record<UserColumnKey, number> = { name: 210, login: 200, email: 260, phone: 160, company: 200, website: 200, kind: 96, twoFactor: 90, lastSignIn: 140 }
/** The checkbox column of the multi-select. */
export const selectionColumnWidth = 48

export function userColumnsWidth(visible: readonly UserColumnKey[]): number {
  return visible.reduce((sum, key) => sum + widths[key], selectionColumnWidth)
}

/** A column's header, also used by the column chooser and the CSV export. */
export function columnTitle(key: UserColumnKey, t: TFunction): string {
  return key === 'phone' || key === 'twoFactor' ? t(`userGrid.columns.${key}`) : t(`users.columns.${key}`)
}

/** The grid's columns: the visible ones, in the fixed display order. */
export function userColumns(t: TFunction, sort: UserSort, visible: readonly UserColumnKey[] = userColumnKeys): TableColumnType<UserListItem>[] {
  const current = sortKeyOf(sort)
  const sortable = (key: UserSortKey): Pick<TableColumnType<UserListItem>, 'key' | 'sorter' | 'sortOrder' | 'sortDirections'> => ({
    key,
    sorter: true,
    sortOrder: current.key === key ? current.order : null,
    // Clicking a sorted header flips the direction; the grid never falls back to "unsorted".
    sortDirections: ['ascend', 'descend', 'ascend']
  })
  const all: Record<UserColumnKey, TableColumnType<UserListItem>> = {
    name: {
      ...sortable('name'),
      ellipsis: true,
      dataIndex: 'name',
      render: (_, user) => (
        <span className="user-name-cell">
          <Cell field="name" text={user.name} />
          {user.active ? null : <Tag style={{ marginInlineStart: 6 }}>{t('users.archived')}</Tag>}
        </span>
      )
    },
    login: { ...sortable('login'), ellipsis: true, dataIndex: 'login', render: (_, user) => <Cell field="login" text={user.login} /> },
    email: { ...sortable('email'), ellipsis: true, dataIndex: 'email', render: (_, user) => <Cell field="email" text={user.email} /> },
    phone: { key: 'phone', ellipsis: true, dataIndex: 'phone', render: (_, user) => <Cell field="phone" text={user.phone} /> },
    company: { ...sortable('company'), ellipsis: true, dataIndex: 'company', render: (_, user) => <Cell field="company" text={user.company} /> },
    website: { key: 'website', ellipsis: true, dataIndex: 'website', render: (_, user) => <Cell field="website" text={user.website} /> },
    kind: {
      key: 'kind',
      dataIndex: 'kind',
      render: (_, user) => (
        <span data-field="kind" data-kind={user.kind}>
          <KindTag kind={user.kind} t={t} />
        </span>
      )
    },
    twoFactor: {
      key: 'twoFactor',
      dataIndex: 'twoFactor',
      render: (_, user) =>
        user.twoFactor === undefined ? null : (
          <span data-field="twoFactor" data-on={String(user.twoFactor)}>
            {user.twoFactor ? <Tag color="green">{t('userGrid.columns.twoFactorOn')}</Tag> : <Typography.Text type="secondary">{t('userGrid.columns.twoFactorOff')}</Typography.Text>}
          </span>
        )
    },
    lastSignIn: {
      ...sortable('lastSignInAt'),
      dataIndex: 'lastSignInAt',
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
  }
  return userColumnKeys.filter((key) => visible.includes(key)).map((key) => ({ ...all[key], title: columnTitle(key, t), width: widths[key] }))
}
