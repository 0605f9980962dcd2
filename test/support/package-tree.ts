import { execFileSync } from 'node:child_process'
import { copyFile, link, mkdir, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { minimatch } from 'minimatch'

/**
 * The production packages electron-builder collects into a package: it asks npm for the tree without
 * dev dependencies (`npm list --omit dev --all`), so this asks the same.
 */
export function productionPackageDirs(repoRoot: string): string[] {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return listed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== repoRoot)
}

/**
 * Copies `from` into `to`, leaving out nested node_modules (listed as packages of their own) and
 * whatever the packaging config's `!pattern` entries exclude. Hard links where it can: the files are
 * only read, and 250 MB of dependencies would otherwise be copied on every run.
 */
export async function copyPackaged(from: string, to: string, excluded: string[], base: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') await copyPackaged(source, target, excluded, base)
    } else if (entry.isFile() && !excluded.some((pattern) => minimatch(relative(base, source), pattern, { dot: true }))) {
      await link(source, target).catch(() => copyFile(source, target))
    }
  }
}
