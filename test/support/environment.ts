/**
 * On CI a missing PostgreSQL or Chromium is a failure; on a laptop it is a skip that says so.
 * Suites call `requireOrSkip` with what they found and get back whether to run.
 */
export const onCI = process.env.CI === 'true' || process.env.CI === '1'

export function requireOrSkip(what: string, available: boolean, hint: string): boolean {
  if (available) return true
  if (onCI) throw new Error(`${what} is required on CI but is not available: ${hint}`)
  console.warn(`SKIPPED: ${what} is not available (${hint}); the tests that need it did not run.`)
  return false
}
