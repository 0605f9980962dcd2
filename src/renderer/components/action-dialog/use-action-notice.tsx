import { App, Button } from 'antd'
import { useCallback, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/**
 * The success message of an operator action, with a link to the user's audit timeline where the
 * action was just recorded (`#/users/:id/activity?action=…`).
 */
export function useActionNotice() {
  const { notification } = App.useApp()
  const navigate = useNavigate()
  const { t } = useTranslation()
  return useCallback(
    (message: ReactNode, audit?: { userId: number; action?: string }) => {
      const key = `action-${Date.now()}`
      notification.success({
        key,
        title: message,
        placement: 'bottomRight',
        description: audit ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            data-testid="notice-audit-link"
            onClick={() => {
              notification.destroy(key)
              void navigate(`/users/${audit.userId}/activity${audit.action ? `?action=${encodeURIComponent(audit.action)}` : ''}`)
            }}
          >
            {t('actionDialog.viewInActivity')}
          </Button>
        ) : undefined,
        props: { 'data-testid': 'action-notice' } as never
      })
    },
    [navigate, notification, t]
  )
}
