import { Alert, Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { DeepLinkRefusal } from '../../../shared/deep-links'

/** Why a link or a route was not opened, in words, above a screen that starts empty. */
export function RefusedLink({ reason }: { reason: DeepLinkRefusal }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="deep-link-refused"
      data-reason={reason}
      title={t('deepLinks.refusedTitle')}
      description={`${t(`deepLinks.reasons.${reason}`)} ${t('deepLinks.refusedHint')}`}
    />
  )
}

/** A route the desk does not have (#/anything-else): say so, and offer the way to a real screen. */
export function NoSuchPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      data-testid="deep-link-refused"
      data-reason="unknownPlace"
      title={t('deepLinks.noSuchPageTitle')}
      subTitle={t('deepLinks.reasons.unknownPlace')}
      extra={
        <Button type="primary" onClick={() => void navigate('/users')}>
          {t('deepLinks.openUsers')}
        </Button>
      }
    />
  )
}
