import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'

/**
 * A moment in a security list: how long ago ("3 days ago"), with the exact date and time on hover and
 * for assistive technology; "Never" when there is none.
 */
export function SecurityTime({ iso, empty }: { iso: string | null; empty?: string }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  if (iso === null) return <Typography.Text type="secondary">{empty ?? t('security.never')}</Typography.Text>
  const { exact, relative } = describeInstant(iso, language)
  return (
    <time dateTime={iso} title={exact}>
      {relative}
    </time>
  )
}

/** The exact date and time, then how long ago, for a fact on its own line. */
export function SecurityInstant({ iso }: { iso: string }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const { exact, relative } = describeInstant(iso, language)
  return <time dateTime={iso}>{t('userDetail.instant', { exact, relative })}</time>
}
