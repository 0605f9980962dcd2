import { join } from 'node:path'

/** The password of every seeded account, the local administrator's included. */
export const e2ePassword = 'E2e-Password-2026!'
/** Portal users seeded in the template; the internal staff (admin, support, …) come on top. */
export const seededPortalUsers = 300

/** The run's folder of seeded portal templates, set by the global setup (test/support/e2e-global-setup.ts). */
export const templatesEnv = 'PORTALDESK_E2E_TEMPLATES'

/** Where the run's template lives in that folder: every spec's hosts copy this one. */
export function runTemplateDir(runDir: string): string {
  return join(runDir, 'run')
}

/**
 * The seed dates locks, sessions and audit rows from its own "now": its most recent sessions were last
 * seen 20 minutes before it and go idle at 30, its locks end 15 minutes after it. A template older than
 * this is seeded again (by the worker that finds it so), so that every test, even one starting late in a
 * long run and lasting its full 90 s, finds the same accounts locked and the same sessions active as
 * right after a first run.
 */
export const templateMaxAgeMs = 8 * 60_000
