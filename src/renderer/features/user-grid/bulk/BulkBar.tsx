import { Button, Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeskAction } from '../../../app/role-capabilities'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { usePreferences } from '../../../stores/app-stores'
import type { SelectAllState, UserSelection } from '../use-user-selection'
import { bulkActionIds, bulkActions, type BulkActionId } from './bulk-actions'

interface BulkBarProps {
  selection: UserSelection
  /** How many users match the filter, when known (see `matchingCount`). */
  matching: number | undefined
  selectAll: SelectAllState
  /** Why the operator's role may not take a bulk action ("Administrators only"); null when it may. */
  roleRefusal: (permission: DeskAction) => string | null
  busy: boolean
  onSelectAllMatching: () => void
  onCancelSelectAll: () => void
  onClear: () => void
  onAction: (action: BulkActionId) => void
}

/**
 * Shown while users are ticked: how many, the offer to take every user matching the filter (not only
 * the loaded rows, as Gmail does), and the four bulk actions.
 */
export function BulkBar(props: BulkBarProps) {
  const { selection, matching, selectAll } = props
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const count = selection.users.size
  const number = (n: number) => n.toLocaleString(language)
  const everyMatchSelected = selection.allMatching || (matching !== undefined && count >= matching)

  return (
    <div className="bulk-bar" role="region" aria-label={t('userGrid.bulk.label')} data-testid="bulk-bar" data-selected={count} data-all-matching={String(selection.allMatching)}>
      <Typography.Text strong data-testid="bulk-count">
        {t('userGrid.selection.count', { users: number(count) })}
      </Typography.Text>
      {selectAll.kind === 'loading' ? (
        <Space size={8}>
          <Typography.Text data-testid="select-all-progress" data-loaded={selectAll.loaded}>
            {t('userGrid.selection.selecting', { loaded: number(selectAll.loaded) })}
          </Typography.Text>
          <Button size="small" onClick={props.onCancelSelectAll}>
            {t('userGrid.selection.cancel')}
          </Button>
        </Space>
      ) : everyMatchSelected ? (
        <Typography.Text type="secondary" data-testid="all-matching-selected">
          {t('userGrid.selection.allMatchingSelected', { count, users: number(count) })}
        </Typography.Text>
      ) : (
        <Button type="link" size="small" className="bulk-bar__link" onClick={props.onSelectAllMatching} data-testid="select-all-matching" data-count={matching ?? ''}>
          {matching === undefined ? t('userGrid.selection.selectAllMatchingUnknown') : t('userGrid.selection.selectAllMatching', { count: matching, users: number(matching) })}
        </Button>
      )}
      <Button type="link" size="small" className="bulk-bar__link" onClick={props.onClear} data-testid="clear-selection">
        {t('userGrid.selection.clear')}
      </Button>
      <Space size={8} wrap className="bulk-bar__actions">
        {bulkActionIds.map((id) => {
          const spec = bulkActions[id]
          // The grid mixes portal and internal users: what the role may do on portal users decides the button.
          const refusal = props.roleRefusal(spec.permission)
          const forbidden = refusal !== null
          const button = (
            <Button
              key={id}
              danger={spec.danger}
              disabled={forbidden || props.busy || selectAll.kind === 'loading'}
              onClick={() => props.onAction(id)}
              data-testid={`bulk-${id}`}
            >
              {t(`userGrid.bulk.actions.${id}.label`)}
            </Button>
          )
          return forbidden ? (
            <Tooltip key={id} title={refusal}>
              {/* A disabled button gets no pointer events: the span carries the tooltip. */}
              <span tabIndex={0}>{button}</span>
            </Tooltip>
          ) : (
            button
          )
        })}
      </Space>
      {selectAll.kind === 'failed' ? (
        <div className="bulk-bar__error">
          <ErrorAlert error={selectAll.error} title={t('userGrid.selection.failed')} onRetry={props.onSelectAllMatching} testId="select-all-error" />
        </div>
      ) : null}
    </div>
  )
}
