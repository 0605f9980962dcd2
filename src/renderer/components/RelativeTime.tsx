import { Tooltip } from 'antd'
import type { Locale } from '../../shared/errors'
import { describeInstant } from '../i18n/dates'
import { usePreferences } from '../stores/app-stores'

/** "3 days ago", with the exact date and time on hover, both in the operator's language. */
export function RelativeTime({ iso }: { iso: string }) {
  const language: Locale = usePreferences((state) => state.language)
  const { relative, exact } = describeInstant(iso, language)
  return (
    <Tooltip title={exact}>
      <time dateTime={iso}>
        {relative}
      </time>
    </Tooltip>
  )
}
