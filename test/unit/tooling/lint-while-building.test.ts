import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const repositoryRoot = new URL('../../../', import.meta.url).pathname

describe('ESLint beside a running build', () => {
  const eslint = new ESLint({ cwd: repositoryRoot })

  it.each(['electron.vite.config.ts.1796566027155-0071e9aa1e5118.mjs', 'vitest.config.ts.timestamp-1796566027155-0071e9aa1e5118.mjs'])(
    'skips the short-lived bundled config %s, which the build deletes while ESLint may be reading it',
    async (bundledCopy) => {
      expect(await eslint.isPathIgnored(bundledCopy)).toBe(true)
    }
  )

  it.each(['electron.vite.config.ts', 'vitest.config.ts', 'electron-builder.config.mjs', 'scripts/start.mjs'])('still lints %s', async (file) => {
    expect(await eslint.isPathIgnored(file)).toBe(false)
  })
})
