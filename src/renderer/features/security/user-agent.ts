const browsers: readonly [RegExp, string][] = [
  [/PortalDesk\//, 'PortalDesk'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari']
]
const systems: readonly [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows NT/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux']
]

/**
 * "Chrome · Windows" from a user agent, so that an operator recognises the user's devices at a
 * glance (product names, not translated); the full string stays available beside it. Null when
 * nothing is recognised.
 */
export function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1]
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1]
  const parts = [browser, system].filter((part): part is string => part !== undefined)
  return parts.length > 0 ? parts.join(' · ') : null
}
