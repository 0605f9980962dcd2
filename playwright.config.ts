import { defineConfig } from '@playwright/test'
import { chromiumExecutable } from './test/support/chromium'
import { preferMemoryTmpdir } from './test/support/scratch-space'

// Before the global setup and the workers: they, and the hosts and servers they start, inherit the run's temporary folder.
preferMemoryTmpdir()

export default defineConfig({
  testDir: 'test/e2e',
  // A folder for the seeded portal templates the workers copy for each test (test/e2e/fixtures.ts).
  globalSetup: './test/support/e2e-global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Each test has its own browser host and portal server; two at a time keep both cores busy without starving either.
  workers: Number(process.env.PORTALDESK_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    // A click on a stuck dialog fails in seconds with what it waited for, not at the test's 90 s limit.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // A failure keeps its trace: every action with its timing, the network and the console, beside the screenshot
    // and the page's accessibility snapshot at the failure. The screencast and the DOM snapshots at every action are
    // left out: they are recorded for every test, passed or not, and cost a third and then a tenth more of the
    // suite's time. `npx playwright test --trace on` records them for a run that needs them.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable() ?? undefined,
      // Without a GPU, the GPU process only composites in software: run in the browser process, it spares the
      // hops between processes, about a tenth of Chromium's CPU time here.
      args: ['--no-sandbox', '--disable-gpu', '--in-process-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
    }
  }
})
