import type { TFunction } from 'i18next'
import { unencryptedNotAllowedReason } from '../../shared/connections'
import { fieldIssues, type DeskErrorShape } from '../../shared/errors'
import { mailLimitDetailsOf, retryAfterMinutes } from '../../shared/mail-limit'
import { refusalReasonOf } from '../../shared/refusals'
import { errorCodeOf } from './error-text'
import { endpoints, urlOf } from '../../shared/endpoints'

function detailsOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'details' in error ? error.details : undefined
}

function detail(details: unknown, key: 'use'): unknown {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined
  return (details as Record<string, unknown>)[key]
}

/**
 * A refusal in the operator's language, worded from its `details.reason` (`refusals.<reason>`) with
 * the server's numbers (the per-user mail limit names the limit and the wait); null when there is no
 * reason and the code's general sentence is all there is to say.
 */
export function refusalText(error: unknown, t: TFunction): string | null {
  const code = errorCodeOf(error)
  const details = detailsOf(error)
  // The desk's own refusal, not the portal's: a saved http:// portal without the operator's choice.
  if (code === 'VALIDATION' && fieldIssues(details as DeskErrorShape['details']).some((issue) => issue.reason === unencryptedNotAllowedReason)) {
    return t('connection.unencryptedRefused')
  }
  const reason = refusalReasonOf(details)
  if (reason === null) return null
  if (reason === 'mailLimit') {
    const mailLimit = code === 'RATE_LIMITED' ? mailLimitDetailsOf(details) : null
    if (!mailLimit) return null
    const window = mailLimit.windowMinutes === 60 ? t('refusals.windowHour') : t('refusals.windowMinutes', { count: mailLimit.windowMinutes, minutes: mailLimit.windowMinutes })
    const wait = t('refusals.waitMinutes', { count: retryAfterMinutes(mailLimit) })
    return t('refusals.mailLimit', { count: mailLimit.limit, window, wait })
  }
  // The own-password refusal points to My account; other own-account refusals keep their own words.
  if (reason === 'ownAccount' && detail(details, 'use') === urlOf(endpoints.changeOwnPassword)) return t('refusals.ownPassword')
  return t(`refusals.${reason}`)
}
