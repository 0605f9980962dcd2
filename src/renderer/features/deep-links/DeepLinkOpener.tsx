import { App } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeepLinkRefusal, DeskLink } from '../../../shared/deep-links'
import { deepLinkDelivery, type DeskEventsBridge } from '../../../shared/ipc/desk-events'
import { errorCodeOf } from '../../components/error-text'
import { useSelectConnection, useSession } from '../../app/session'
import { planDeepLink } from './open-deep-link'
import { RefusalText } from './RefusedLink'

/**
 * Opens the `portaldesk://` links main hands over: switches to the connection the link names, then
 * goes to its route (which waits behind the sign-in screen when needed). A refused link only says why.
 */
export function DeepLinkOpener({ events, navigate }: { events: DeskEventsBridge; navigate(path: string): void }) {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const session = useSession()
  const selectConnection = useSelectConnection()
  const [pending, setPending] = useState<DeskLink | null>(null)

  useEffect(() => {
    const refuse = (reason: DeepLinkRefusal) =>
      notification.warning({
        key: 'deep-link-refused',
        title: t('deepLinks.refusedTitle'),
        description: <RefusalText reason={reason} />,
        props: { 'data-testid': 'deep-link-refused-notice', 'data-reason': reason } as never
      })
    return events.onDeepLink((payload) => {
      const delivery = deepLinkDelivery.safeParse(payload)
      if (!delivery.success) return
      if (delivery.data.ok) setPending(delivery.data.link)
      else refuse(delivery.data.reason)
    })
  }, [events, notification, t])

  // A link that arrives while the session is still loading waits for it.
  const state = session.data
  useEffect(() => {
    if (!pending || !state) return
    setPending(null)
    const plan = planDeepLink(pending, state)
    if (!plan.ok) {
      notification.warning({ key: 'deep-link-refused', title: t('deepLinks.refusedTitle'), description: <RefusalText reason={plan.reason} /> })
      return
    }
    if (plan.connectionId === null) {
      navigate(plan.path)
      return
    }
    selectConnection.mutate(plan.connectionId, {
      onSuccess: () => navigate(plan.path),
      onError: (error) => notification.error({ key: 'deep-link-refused', title: t('deepLinks.refusedTitle'), description: t(`errors.${errorCodeOf(error)}`) })
    })
  }, [pending, state, navigate, notification, selectConnection, t])

  return null
}
