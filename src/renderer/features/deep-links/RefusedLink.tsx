import { Alert, Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { DeepLinkRefusal } from '../../../shared/deep-links'

/** The reason, then what to do: two sentences, each on its own line (joining them would need a space in English and none in Chinese). */
export function RefusalText({ reason }: { reason: DeepLinkRefusal }) {
  const { t } = useTranslation()
  return (
    <>
      <div>{t(`deepLinks.reasons.${reason}`)}</div>
      <div>{t('deepLinks.refusedHint')}</div>
    </>
  )
}

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
      description={<RefusalText reason={reason} />}
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
