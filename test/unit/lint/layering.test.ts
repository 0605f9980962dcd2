import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

// The layering of DESIGN.md is only worth something if the linter really fails on a violation.
// Path rules resolve their targets, so the probes import entry files that exist in every layer.
const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('import layering', () => {
  it.each([
    ['src/shared/probe.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync", 'no-restricted-imports'],
    ['src/shared/probe.ts', "import { app } from 'electron'\nexport const x = app", 'no-restricted-imports'],
    ['src/shared/probe.ts', 'export const x = window.location', 'no-restricted-globals'],
    ['src/shared/probe.ts', "import { x } from '../main/index'\nexport const y = x", 'local/layering'],
    ['src/main/probe.ts', "import { x } from '../renderer/main'\nexport const y = x", 'local/layering'],
    ['src/renderer/probe.ts', "import { x } from '../main/index'\nexport const y = x", 'local/layering'],
    ['src/renderer/probe.ts', "import { join } from 'node:path'\nexport const y = join", 'no-restricted-imports'],
    ['src/server/probe.ts', "import { x } from '../main/index'\nexport const y = x", 'local/layering'],
    ['src/server/probe.ts', "import { x } from '../preload/index'\nexport const y = x", 'local/layering'],
    ['src/server/probe.ts', "import { BrowserWindow } from 'electron'\nexport const y = BrowserWindow", 'no-restricted-imports']
  ])('%s: flags %j', async (filePath, code, rule) => {
    expect(await ruleIdsFor(filePath, code)).toContain(rule)
  })

  it('lets every layer import src/shared', async () => {
    for (const layer of ['main', 'renderer', 'server', 'preload']) {
      const ids = await ruleIdsFor(`src/${layer}/probe.ts`, "import { channels } from '../shared/ipc/channels'\nexport const x = channels")
      expect(ids).not.toContain('local/layering')
    }
  })
})

describe('import layering of files that do not exist yet', () => {
  it('still flags them, since the rule goes by path and not by resolution', async () => {
    expect(await ruleIdsFor('src/server/http/probe.ts', "export { x } from '../../renderer/not-written-yet'")).toContain('local/layering')
    expect(await ruleIdsFor('src/renderer/features/x/probe.ts', "const m = import('../../../main/later')\nexport { m }")).toContain('local/layering')
  })
})
