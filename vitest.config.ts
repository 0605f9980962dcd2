import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { uiDepsAliases } from './test/support/ui-deps-bundle.mjs'
import { EnvironmentSequencer } from './test/support/environment-sequencer'
import { preferMemoryTmpdir } from './test/support/scratch-space'

// Before any worker starts: they, and the servers they start, inherit the run's temporary folder.
preferMemoryTmpdir()

export default defineConfig({
  test: {
    sequence: { sequencer: EnvironmentSequencer },
    projects: [
      {
        plugins: [react()],
        resolve: { alias: uiDepsAliases },
        test: {
          name: 'unit',
          globalSetup: ['./test/support/ui-deps-bundle.mjs'],
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Renderer tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
          testTimeout: 20_000,
          // Vitest's default leaves one of two cores to its own process, which is idle most of the run.
          maxWorkers: 2,
          // A worker's files share one module graph: React, antd and the app are loaded once per worker,
          // not once per file, which halves the suite. The files keep no module state between them; they
          // pass in shuffled orders (`--sequence.shuffle.files`).
          isolate: false
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // Migrated and seeded databases, made once per run and copied for each test that asks.
          globalSetup: ['test/integration/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own server and database; two cores cannot run many at once.
          maxWorkers: 2,
          // A worker's files share one module graph, and so one process: the server's modules load once, and
          // PGlite's WebAssembly, compiled as it runs, stays compiled for the next file's databases. Each file
          // still has its own servers and databases; the suite passes in shuffled orders.
          isolate: false,
          // After the unit project when `vitest run` takes both: each suite's timings stay its own.
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
})
