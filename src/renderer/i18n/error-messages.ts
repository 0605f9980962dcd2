import { errorCodes, errorMessages, type ErrorCode, type Locale } from '../../shared/errors'

/** The shared error messages of one language, keyed by code, ready to sit in a translation tree. */
export function errorMessagesIn(locale: Locale): Record<ErrorCode, string> {
  return Object.fromEntries(errorCodes.map((code) => [code, errorMessages[code][locale]])) as Record<ErrorCode, string>
}
