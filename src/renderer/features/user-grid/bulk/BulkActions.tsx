import { useMemo, useRef, useState } from 'react'
import { useOperator } from '../../../app/session'
import { useCapabilities } from '../../../app/use-capabilities'
import type { SelectAllState, UserSelection } from '../use-user-selection'
import type { BulkActionId, BulkTarget } from './bulk-actions'
import { BulkBar } from './BulkBar'
import { BulkConfirmDialog } from './BulkConfirmDialog'
import { BulkRunModal } from './BulkRunModal'
import { useBulkRun } from './use-bulk-run'
import './bulk.css'

interface BulkActionsProps {
  selection: UserSelection
  matching: number | undefined
  selectAll: SelectAllState
  onSelectAllMatching: () => void
  onCancelSelectAll: () => void
  onClearSelection: () => void
}

/**
 * Bulk work on the ticked users: the bar with the actions, one confirmation for the whole batch
 * (ticket and reason go with every call), then the run's progress and per-user report.
 */
export function BulkActions(props: BulkActionsProps) {
  const operator = useOperator()
  const capabilities = useCapabilities()
  const operatorId = operator?.id ?? null
  const bulk = useBulkRun(operatorId)
  const [confirming, setConfirming] = useState<BulkActionId | null>(null)
  // The action button that started it all gets the focus back when the report closes.
  const trigger = useRef<HTMLElement | null>(null)
  const targets = useMemo<BulkTarget[]>(() => [...props.selection.users.values()], [props.selection])

  return (
    <>
      {props.selection.users.size > 0 || props.selectAll.kind !== 'idle' ? (
        <BulkBar
          selection={props.selection}
          matching={props.matching}
          selectAll={props.selectAll}
          roleRefusal={(permission) => capabilities.refusal(permission, 'portal')}
          busy={bulk.run.phase === 'running'}
          onSelectAllMatching={props.onSelectAllMatching}
          onCancelSelectAll={props.onCancelSelectAll}
          onClear={props.onClearSelection}
          onAction={(action) => {
            trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
            setConfirming(action)
          }}
        />
      ) : null}
      <BulkConfirmDialog
        action={confirming}
        targets={targets}
        operatorId={operatorId}
        onStart={(action, audit) => void bulk.start(action, targets, audit)}
        onClose={() => setConfirming(null)}
      />
      <BulkRunModal
        run={bulk.run}
        onCancel={bulk.cancel}
        onClose={() => {
          const archived = bulk.run.phase === 'finished' && bulk.run.action === 'archive'
          bulk.close()
          // Archived users left the (active) list: a selection of them would only mislead.
          if (archived) props.onClearSelection()
        }}
        afterClose={() => {
          // After Archive the selection (and its bar) is gone: the grid takes the focus instead.
          const target = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>('[data-testid="user-row"]')
          target?.focus()
        }}
      />
    </>
  )
}
