/**
 * On CI a missing PostgreSQL or Chromium is a failure; on a laptop it is a skip that says so.
 * Suites call `requireOrSkip` with what they found and get back whether to run.
 */
export const onCI = isCI(process.env.CI)

/** Any non-empty CI value counts, as CI services set it to all sorts of things ('true', '1', 'yes', a name); only 'false' and '0' opt out. */
export function isCI(value: string | undefined): boolean {
  const normalized = (value ?? '').trim().toLowerCase()
  return normalized !== '' && normalized !== 'false' && normalized !== '0'
}

export function requireOrSkip(what: string, available: boolean, hint: string): boolean {
  if (available) return true
  if (onCI) throw new Error(`${what} is required on CI but is not available: ${hint}`)
  console.warn(`SKIPPED: ${what} is not available (${hint}); the tests that need it did not run.`)
  return false
}
