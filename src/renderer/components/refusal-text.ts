import type { TFunction } from 'i18next'
import { unencryptedNotAllowedReason } from '../../shared/connections'
import { fieldIssues, type DeskErrorShape } from '../../shared/errors'
import { mailLimitDetailsOf, retryAfterMinutes } from '../../shared/mail-limit'
import { operatorAccountPaths } from '../../shared/operator-account'
import { errorCodeOf } from './error-text'

function detailsOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'details' in error ? error.details : undefined
}

function detail(details: unknown, key: 'reason' | 'use'): unknown {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined
  return (details as Record<string, unknown>)[key]
}

/**
 * A refusal whose `details.reason` says more than its code's general sentence, in the operator's
 * language with the server's numbers (the per-user mail limit names the limit and the wait); null
 * when the code's sentence is all there is to say.
 */
export function refusalText(error: unknown, t: TFunction): string | null {
  const code = errorCodeOf(error)
  const details = detailsOf(error)
  const mailLimit = code === 'RATE_LIMITED' ? mailLimitDetailsOf(details) : null
  if (mailLimit) {
    const window = mailLimit.windowMinutes === 60 ? t('refusals.windowHour') : t('refusals.windowMinutes', { count: mailLimit.windowMinutes, minutes: mailLimit.windowMinutes })
    const wait = t('refusals.waitMinutes', { count: retryAfterMinutes(mailLimit) })
    return t('refusals.mailLimit', { count: mailLimit.limit, window, wait })
  }
  // The own-password refusal points to My account; other own-account refusals keep their own words.
  if (code === 'CONFLICT' && detail(details, 'reason') === 'ownAccount' && detail(details, 'use') === operatorAccountPaths.password) {
    return t('refusals.ownPassword')
  }
  // A saved http:// portal without the operator's choice: say what to do about it.
  if (code === 'VALIDATION' && fieldIssues(details as DeskErrorShape['details']).some((issue) => issue.reason === unencryptedNotAllowedReason)) {
    return t('connection.unencryptedRefused')
  }
  return null
}
