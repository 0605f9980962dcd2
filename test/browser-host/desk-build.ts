import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository this desk is built in. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** What `npm run build` writes that a browser host runs: the renderer and the portal server bundle (with the main and preload bundles built beside them). */
const outputs = ['out/main/portal-server.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
/** What those outputs are built from. */
const inputs = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json']

function newestInput(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestInput(join(path, name))), stat.mtimeMs)
}

/** Why the build in `repoRoot/out` cannot be used as it is, or null when it is complete and newer than every source. */
export function staleBuild(repoRoot: string): string | null {
  const missing = outputs.find((output) => !existsSync(join(repoRoot, output)))
  if (missing !== undefined) return `${missing} is missing`
  const built = Math.min(...outputs.map((output) => statSync(join(repoRoot, output)).mtimeMs))
  const changed = Math.max(...inputs.map((input) => newestInput(join(repoRoot, input))))
  return changed > built ? 'a source file changed after the last build' : null
}

/**
 * Runs `electron-vite build` when the build is missing or older than a source file, so that a host never
 * serves a renderer or runs a server that is not what src/ says. Takes a few seconds; nothing when fresh.
 */
export function ensureDeskBuilt(repoRoot: string, say: (line: string) => void = (line) => console.error(line)): void {
  const reason = staleBuild(repoRoot)
  if (reason === null) return
  say(`Building the desk (${reason})…`)
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] })
  const still = staleBuild(repoRoot)
  if (result.status !== 0 || still !== null) throw new Error(`The build failed (${still ?? `exit code ${String(result.status)}`}). Fix the errors above, run \`npm run build\`, then try again.`)
}
