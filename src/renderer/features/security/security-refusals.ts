import type { TFunction } from 'i18next'
import { errorCodeOf } from '../../components/error-text'
import { refusalText } from '../../components/refusal-text'

/**
 * A refusal of a security action in the operator's words: its reason when the server gave one, and
 * for a bare FORBIDDEN a hint that fits this tab; null when the code's general message says it all.
 */
export function explainRefusal(error: unknown, t: TFunction): string | null {
  return refusalText(error, t) ?? (errorCodeOf(error) === 'FORBIDDEN' ? t('security.refusals.forbidden') : null)
}
