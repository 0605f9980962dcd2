import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons'
import { Alert, Button, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import { useCallback, useMemo, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CompanyDetail, CompanyUser } from '../../../shared/companies'
import { useCapabilities } from '../../app/use-capabilities'
import { AddCompanyUserDialog } from './AddCompanyUserDialog'
import { EditCredentialsDialog } from './EditCredentialsDialog'
import { StopAccessDialog } from './StopAccessDialog'

/** A dialog about one row: the user stays set while the dialog closes, so its text does not vanish mid-animation. */
function useRowDialog() {
  const [state, setState] = useState<{ user: CompanyUser | null; open: boolean }>({ user: null, open: false })
  const show = useCallback((user: CompanyUser) => setState({ user, open: true }), [])
  const hide = useCallback(() => setState((current) => ({ ...current, open: false })), [])
  return { ...state, show, hide }
}

/** A disabled control says why on hover and focus. */
function explained(control: ReactElement, reason: string | null): ReactElement {
  return reason ? <Tooltip title={reason}>{control}</Tooltip> : control
}

function StatusTag({ status }: { status: CompanyUser['status'] }) {
  const { t } = useTranslation()
  if (status === 'active') return null
  return (
    <Tag color={status === 'deleted' ? 'red' : 'orange'} data-testid="company-user-status">
      {t(`companies.users.status.${status}`)}
    </Tag>
  )
}

interface RowActions {
  onEdit: (user: CompanyUser) => void
  onStop: (user: CompanyUser) => void
}

function useColumns({ onEdit, onStop }: RowActions): TableColumnsType<CompanyUser> {
  const { t } = useTranslation()
  // Stopping a user's access revokes their portal access or deletes them.
  const stopRoleRefusal = useCapabilities().refusal('portalAccess.manage', 'portal')
  return useMemo(
    () => [
      {
        key: 'name',
        title: t('companies.users.columns.name'),
        render: (_: unknown, user) => (
          <span className="company-user-name">
            <Link to={`/users/${user.id}`} data-field="name">
              {user.name}
            </Link>
            <StatusTag status={user.status} />
          </span>
        )
      },
      { key: 'username', title: t('companies.users.columns.username'), render: (_: unknown, user) => <span data-field="username">{user.username}</span> },
      { key: 'website', title: t('companies.users.columns.website'), render: (_: unknown, user) => <span data-field="website">{user.website ?? '—'}</span> },
      {
        key: 'actions',
        title: t('companies.users.columns.actions'),
        align: 'end',
        width: 220,
        render: (_: unknown, user) => {
          const deleted = user.status === 'deleted' ? t('companies.users.deletedHint') : null
          const stopRefusal = deleted ?? stopRoleRefusal
          return (
            <div className="company-user-actions">
              {explained(
                <Button icon={<EditOutlined />} disabled={deleted !== null} onClick={() => onEdit(user)} aria-label={t('companies.users.editLabel', { name: user.name })} data-testid="company-user-edit">
                  {t('companies.users.edit')}
                </Button>,
                deleted
              )}
              {explained(
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  disabled={stopRefusal !== null}
                  onClick={() => onStop(user)}
                  aria-label={t('companies.users.deleteLabel', { name: user.name })}
                  data-testid="company-user-delete"
                >
                  {t('companies.users.delete')}
                </Button>,
                stopRefusal
              )}
            </div>
          )
        }
      }
    ],
    [t, stopRoleRefusal, onEdit, onStop]
  )
}

/** The Users subtab: Name, Username, Website, Edit and Delete, and "Add new user" (Prim.io's list). */
export function CompanyUsersTab({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation()
  const addRefusal = useCapabilities().refusal('users.create', 'portal')
  const [adding, setAdding] = useState(false)
  const edit = useRowDialog()
  const stop = useRowDialog()
  const columns = useColumns({ onEdit: edit.show, onStop: stop.show })

  return (
    <div data-testid="company-users" data-count={company.users.length}>
      <div className="company-users-toolbar">
        {company.users.length < company.userCount ? (
          <Alert type="info" showIcon title={t('companies.page.moreUsers', { shown: company.users.length, total: company.userCount })} data-testid="company-more-users" />
        ) : (
          <span />
        )}
        {explained(
          <Button type="primary" icon={<UserAddOutlined />} disabled={addRefusal !== null} onClick={() => setAdding(true)} data-testid="add-company-user">
            {t('companies.users.add')}
          </Button>,
          addRefusal
        )}
      </div>
      <Table<CompanyUser>
        rowKey="id"
        size="middle"
        aria-label={t('companies.users.tableLabel', { company: company.name })}
        columns={columns}
        dataSource={company.users}
        pagination={false}
        locale={{ emptyText: t('companies.users.empty') }}
        onRow={(user) => ({ ...({ 'data-testid': 'company-user-row', 'data-user-id': user.id, 'data-status': user.status } as Record<string, string | number>) })}
      />
      <AddCompanyUserDialog company={company} open={adding} onClose={() => setAdding(false)} />
      <EditCredentialsDialog user={edit.user} open={edit.open} onClose={edit.hide} />
      <StopAccessDialog user={stop.user} open={stop.open} onClose={stop.hide} />
    </div>
  )
}
