import dayjs from 'dayjs'
import localizedFormat from 'dayjs/plugin/localizedFormat'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'
import type { Locale } from '../../shared/errors'

// dayjs plugins register on the library itself; extending twice is harmless.
dayjs.extend(relativeTime)
dayjs.extend(localizedFormat)

const dayjsLocale: Record<Locale, string> = { en: 'en', 'zh-CN': 'zh-cn' }

export interface DateTexts {
  /** "3 days ago" / "3 天前" */
  relative: string
  /** "May 1, 2026 3:05 PM" / "2026年5月1日 15:05" */
  exact: string
}

/** Relative and exact forms of an ISO timestamp in the operator's language, measured from `now`. */
export function describeInstant(iso: string, language: Locale, now: Date = new Date()): DateTexts {
  const instant = dayjs(iso).locale(dayjsLocale[language])
  return { relative: instant.from(dayjs(now)), exact: instant.format('LLL') }
}

/** A calendar day (YYYY-MM-DD, no time zone) in the operator's language: "May 1, 2026" / "2026年5月1日". */
export function describeDay(isoDate: string, language: Locale): string {
  return dayjs(isoDate).locale(dayjsLocale[language]).format('LL')
}
