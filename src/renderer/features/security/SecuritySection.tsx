import { Card, Typography } from 'antd'
import { useCallback, useRef, type ReactNode } from 'react'
import { FocusFallbackContext, restoreFocusWhenLost } from './focus-fallback'

interface SecuritySectionProps {
  title: string
  testId: string
  /** The section's state for tests and assistive technology: what it shows is loaded or not. */
  state?: 'loading' | 'error' | 'ready'
  /** Buttons beside the title (a list's "Log out from all devices"). */
  extra?: ReactNode
  children: ReactNode
}

/** One card of the Security tab, titled with an h2 that also takes the focus back after an action. */
export function SecuritySection({ title, testId, state = 'ready', extra, children }: SecuritySectionProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const fallback = useCallback((trigger: HTMLElement | null) => restoreFocusWhenLost(trigger, heading.current), [])
  return (
    <FocusFallbackContext.Provider value={fallback}>
      <Card
        size="small"
        className="security-section"
        data-testid={testId}
        data-state={state}
        title={
          <Typography.Title level={2} className="section-title security-section-title" ref={heading} tabIndex={-1}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        {children}
      </Card>
    </FocusFallbackContext.Provider>
  )
}
