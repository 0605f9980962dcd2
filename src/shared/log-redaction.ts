/**
 * Query parameters whose value is a credential: the single-use token of every emailed link
 * (reset, invitation, email change and its undo) and one-time codes. Named once, so that a new
 * link route is covered by what it calls its parameter, not by a list of routes.
 */
export const secretQueryParameters = ['token', 'code', 'otp', 'password', 'secret'] as const

// After `?`, `&` or `;` (or their percent-encoded forms, for a URL inside another one), the name,
// `=` (or %3D), then the value up to the next separator, quote or white space.
const secretQueryValue = new RegExp(`((?:[?&;]|%3f|%26)(?:${secretQueryParameters.join('|')})(?:=|%3d))[^&;#\\s"'<>\\\\]*`, 'gi')

/** Replaces the value of every secret query parameter in any text (a URL, a log line) with `[redacted]`. */
export function redactSecretQueryValues(text: string): string {
  return text.replace(secretQueryValue, '$1[redacted]')
}
