import { Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditContext } from '../../../../shared/ipc/audit-context'
import { ActionDialog } from '../../../components/action-dialog/ActionDialog'
import { usePreferences } from '../../../stores/app-stores'
import { bulkActions, type BulkActionId, type BulkTarget } from './bulk-actions'
import type { SkipReason } from './bulk-runner'

/** How many of `targets` will be skipped, by reason, in a stable order. */
export function skipsAhead(action: BulkActionId, targets: readonly BulkTarget[], operatorId: number | null): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>()
  for (const user of targets) {
    const reason = bulkActions[action].skipReason(user, operatorId)
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b))
}

/**
 * The one confirmation of a bulk action: how many users, what happens to them, who will be skipped
 * and why; the ticket reference and reason go with every call. Confirming starts the run.
 */
export function BulkConfirmDialog(props: {
  action: BulkActionId | null
  targets: readonly BulkTarget[]
  operatorId: number | null
  onStart: (action: BulkActionId, audit: AuditContext) => void
  onClose: () => void
}) {
  const { targets, operatorId } = props
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  // Stays mounted with the last action while it closes, so that antd can return focus to the button.
  const [shown, setShown] = useState<BulkActionId | null>(props.action)
  if (props.action !== null && props.action !== shown) setShown(props.action)
  const action = props.action ?? shown
  const skips = useMemo(() => (action ? skipsAhead(action, targets, operatorId) : []), [action, targets, operatorId])
  if (!action) return null
  const count = targets.length.toLocaleString(language)
  const skipped = skips.reduce((sum, [, n]) => sum + n, 0)
  const reasons = skips.map(([reason, n]) => `${t(`userGrid.bulk.skip.${reason}`)} (${n.toLocaleString(language)})`).join(t('userGrid.bulk.reasonsSeparator'))
  const label = t(`userGrid.bulk.actions.${action}.label`)

  return (
    <ActionDialog
      open={props.action !== null}
      title={t('userGrid.bulk.title', { count: targets.length, action: label, users: count })}
      consequence={
        <>
          <Typography.Paragraph data-testid="bulk-consequence">{t(`userGrid.bulk.actions.${action}.consequence`, { count: targets.length, users: count })}</Typography.Paragraph>
          {skipped > 0 ? (
            <Typography.Paragraph type="secondary" data-testid="bulk-skips-ahead" data-count={skipped}>
              {t('userGrid.bulk.skipsAhead', { users: skipped.toLocaleString(language), reasons })}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph type="secondary">{t('userGrid.bulk.ticketForAll')}</Typography.Paragraph>
        </>
      }
      confirmLabel={label}
      danger={bulkActions[action].danger}
      onConfirm={(_values: object, audit) => {
        // The run shows its own progress; the dialog's job ends once it has started.
        props.onStart(action, audit)
        return Promise.resolve()
      }}
      onClose={props.onClose}
      testId="bulk-confirm"
    />
  )
}
