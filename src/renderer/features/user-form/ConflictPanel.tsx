import { Alert, Button, Space, Table, Typography, type TableColumnsType } from 'antd'
import type { TFunction } from 'i18next'
import { useEffect, useMemo, useRef, type HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../shared/errors'
import type { UserDetail } from '../../../shared/users'
import { describeDay } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { overlappingFields, serverChanges, type ServerChange } from './conflict-merge'
import { countryName } from './country-options'
import { formValuesOf, type ApiValue, type FormField } from './form-values'
import type { UserFormController } from './use-user-form'

/** A value as the operator reads it: names rather than ids and codes, dates in their language. */
function valueText(field: FormField, value: ApiValue, records: readonly UserDetail[], t: TFunction, language: Locale): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('userForm.conflict.empty')
  if (Array.isArray(value)) return value.join(', ')
  if (field === 'companyId') return records.find((record) => record.companyId === value)?.company ?? `#${value}`
  if (field === 'websiteId') return records.find((record) => record.websiteId === value)?.website ?? `#${value}`
  if (typeof value === 'number') return String(value)
  switch (field) {
    case 'country':
      return `${countryName(value, language)} (${value})`
    case 'birthday':
      return describeDay(value, language)
    case 'language':
      return value === 'en' || value === 'zh-CN' ? t(`languages.${value}`) : value
    case 'invoiceDelivery':
      return value === 'email' || value === 'postal' ? t(`userPage.invoiceDeliveries.${value}`) : value
    case 'role':
      return value === 'administrator' || value === 'support' || value === 'user' ? t(`userDetail.roles.${value}`) : value
    default:
      return value
  }
}

/**
 * The 409 conflict, never resolved silently: what someone else changed since the operator started
 * (field, value then → value now, and the operator's own edit of it), with Reload (drop the edit)
 * and "Re-apply my edit on top" (the server's record as the new base, the operator's changes over it).
 */
export function ConflictPanel({ controller }: { controller: UserFormController }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const panel = useRef<HTMLDivElement>(null)
  const { conflict, values } = controller
  const changes = useMemo(
    () => (conflict ? serverChanges({ base: formValuesOf(conflict.base), server: formValuesOf(conflict.server), mine: values }) : []),
    [conflict, values]
  )
  // Keyboard and screen-reader users land on the panel: the save they started stopped here.
  useEffect(() => {
    if (conflict) panel.current?.focus()
  }, [conflict])
  if (!conflict) return null

  const records = [conflict.base, conflict.server]
  const label = (field: FormField) => t(`userForm.fields.${field === 'companyId' ? 'company' : field === 'websiteId' ? 'website' : field}`)
  const overlap = overlappingFields(changes).map(label)
  const columns: TableColumnsType<ServerChange> = [
    { key: 'field', title: t('userForm.conflict.field'), render: (_, change) => <Typography.Text strong>{label(change.field)}</Typography.Text> },
    { key: 'base', title: t('userForm.conflict.base'), render: (_, change) => <Typography.Text delete>{valueText(change.field, change.base, records, t, language)}</Typography.Text> },
    { key: 'server', title: t('userForm.conflict.server'), render: (_, change) => <span data-testid="conflict-server-value">{valueText(change.field, change.server, records, t, language)}</span> },
    {
      key: 'mine',
      title: t('userForm.conflict.yours'),
      render: (_, change) =>
        change.mine === undefined ? <Typography.Text type="secondary">{t('userForm.conflict.notEdited')}</Typography.Text> : valueText(change.field, change.mine, records, t, language)
    }
  ]

  return (
    <div ref={panel} tabIndex={-1} className="user-form__conflict" data-testid="conflict-panel" aria-labelledby="user-form-conflict-title">
      <Alert
        type="error"
        showIcon
        title={<span id="user-form-conflict-title">{t('userForm.conflict.title')}</span>}
        description={
          <>
            <Typography.Paragraph>{t('userForm.conflict.body')}</Typography.Paragraph>
            <Table<ServerChange>
              size="small"
              pagination={false}
              rowKey="field"
              columns={columns}
              dataSource={changes}
              onRow={(change) => ({ 'data-field': change.field }) as HTMLAttributes<HTMLElement>}
              data-testid="conflict-changes"
            />
            {overlap.length > 0 ? (
              <Typography.Paragraph type="warning" className="user-form__conflict-overlap" data-testid="conflict-overlap">
                {t('userForm.conflict.overlap', { fields: overlap.join(', ') })}
              </Typography.Paragraph>
            ) : null}
            <Space wrap className="user-form__conflict-actions">
              <Button onClick={controller.reload} disabled={controller.saving} data-testid="conflict-reload" title={t('userForm.conflict.reloadHint')}>
                {t('userForm.conflict.reload')}
              </Button>
              <Button type="primary" onClick={() => void controller.reapply()} loading={controller.saving} data-testid="conflict-reapply" title={t('userForm.conflict.reapplyHint')}>
                {t('userForm.conflict.reapply')}
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" className="user-form__conflict-hints">
              {t('userForm.conflict.reloadHint')} {t('userForm.conflict.reapplyHint')}
            </Typography.Paragraph>
          </>
        }
      />
    </div>
  )
}
