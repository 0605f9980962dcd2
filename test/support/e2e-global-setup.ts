import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureDeskBuilt, repoRoot } from '../browser-host/desk-build'
import { createPortalTemplate } from '../browser-host/portal-template'
import { e2ePassword, runTemplateDir, seededPortalUsers, templatesEnv } from '../e2e/support/seeded-portal'
import { chromiumExecutable } from './chromium'

/**
 * Builds the desk when src/ is newer than its build, then seeds the run's portal template once, before
 * any worker starts, so that its seeding (an initdb, the migrations, 300 users) is in no test's or
 * worker's budget, and done once rather than once per worker.
 * Every host of every spec copies it (test/e2e/fixtures.ts); it is the only variant: settings such as
 * OPERATOR_2FA are the server's environment, not the seed's. The folder outlives the workers
 * (Playwright replaces a worker after every failed test) and is removed when the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'portaldesk-e2e-templates-'))
  process.env[templatesEnv] = dir
  const remove = () => rm(dir, { recursive: true, force: true })
  // Without Chromium every browser test skips: nothing would copy the template or run the build.
  if (chromiumExecutable() !== null) {
    try {
      // The hosts serve out/renderer and run out/main/portal-server.js: never an older build than src/.
      ensureDeskBuilt(repoRoot)
      await createPortalTemplate({ users: seededPortalUsers, password: e2ePassword, repoRoot, dir: runTemplateDir(dir) })
    } catch (error) {
      await remove()
      throw error
    }
  }
  return remove
}
