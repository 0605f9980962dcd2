import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../shared/errors'
import { describeInstant } from '../../i18n/dates'

/** Exact date and time, then how long ago: "January 2, 2025 10:00 AM (2 years ago)". */
export function Instant({ iso, language, exactOnly = false }: { iso: string; language: Locale; exactOnly?: boolean }) {
  const { t } = useTranslation()
  const { exact, relative } = describeInstant(iso, language)
  return <time dateTime={iso}>{exactOnly ? exact : t('userDetail.instant', { exact, relative })}</time>
}
