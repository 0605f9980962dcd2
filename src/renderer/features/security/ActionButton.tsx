import { Button, Tooltip, Typography, type ButtonProps } from 'antd'
import { useId, useRef, useState, type ReactNode } from 'react'
import type { UserKind } from '../../../shared/users'
import type { DeskAction } from '../../app/role-capabilities'
import { useCapabilities } from '../../app/use-capabilities'
import { useFocusFallback } from './focus-fallback'

export interface ActionButtonProps {
  label: string
  testId: string
  /** Set when the action does not apply now: the button is disabled and this says why (tooltip and text). */
  disabledReason?: string | null
  /**
   * `tooltip`: the section's status already says it (2FA Off, Not locked), so the reason is only in
   * the tooltip and, for screen readers, in the button's description; `text` (default) also shows it.
   */
  reasonShown?: 'text' | 'tooltip'
  /**
   * The permission the action needs, on which kind of user: when the operator's role lacks it, the
   * button is disabled with a tooltip naming the role that may ("Administrators only"), whatever
   * `disabledReason` says.
   */
  permission?: { action: DeskAction; target: UserKind }
  /** An accessible name when the visible label is not enough (a row's "Revoke"). */
  ariaLabel?: string
  danger?: boolean
  type?: ButtonProps['type']
  size?: ButtonProps['size']
  icon?: ReactNode
  /** The action's dialog, given whether it is open and how to close it. */
  children: (dialog: { open: boolean; close: () => void }) => ReactNode
}

/**
 * One operator action: a button that opens its confirmation dialog. Keyboard users reach it with Tab
 * and open it with Enter or Space; when the dialog closes, focus returns to the button (antd's Modal),
 * or to the section's heading when the button is gone or no longer applies.
 */
export function ActionButton(props: ActionButtonProps) {
  const { label, testId, permission, ariaLabel, danger, type, size, icon, children } = props
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const reasonId = useId()
  const fallback = useFocusFallback()
  const capabilities = useCapabilities()
  const roleRefusal = permission ? capabilities.refusal(permission.action, permission.target) : null
  // The role comes first: "Administrators only" is the reason that holds whatever the user's state.
  const disabledReason = roleRefusal ?? props.disabledReason
  const reasonShown = roleRefusal ? 'tooltip' : (props.reasonShown ?? 'text')
  const disabled = Boolean(disabledReason)

  const close = () => {
    setOpen(false)
    fallback(button.current)
  }

  const trigger = (
    <Button
      ref={button}
      type={type}
      size={size}
      danger={danger}
      icon={icon}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={disabled ? reasonId : undefined}
      data-testid={testId}
      onClick={() => setOpen(true)}
    >
      {label}
    </Button>
  )

  return (
    <span className="security-action" data-testid={`${testId}-wrapper`} data-role-refused={roleRefusal ? 'true' : undefined}>
      {disabled ? (
        <Tooltip title={disabledReason}>
          {/* A disabled button fires no pointer events: the wrapper shows the tooltip. */}
          <span className="security-action-disabled">{trigger}</span>
        </Tooltip>
      ) : (
        trigger
      )}
      {disabled ? (
        <Typography.Text
          type="secondary"
          className={reasonShown === 'text' ? 'security-action-reason' : 'security-action-reason security-visually-hidden'}
          id={reasonId}
          data-testid={`${testId}-reason`}
        >
          {disabledReason}
        </Typography.Text>
      ) : null}
      {children({ open, close })}
    </span>
  )
}
