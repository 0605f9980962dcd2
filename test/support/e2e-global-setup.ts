import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder where the e2e workers keep their seeded portal templates (test/e2e/fixtures.ts). */
export const templatesEnv = 'PORTALDESK_E2E_TEMPLATES'

/**
 * One folder per run, outside the workers: Playwright replaces a worker after every failed test, and a
 * template kept by the worker alone would be seeded again for the next test, on top of its own host.
 * Removed when the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'portaldesk-e2e-templates-'))
  process.env[templatesEnv] = dir
  return () => rm(dir, { recursive: true, force: true })
}
