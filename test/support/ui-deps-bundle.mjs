import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * antd and its icons, each bundled into one ES module for the renderer's unit tests.
 *
 * Unbundled, Node loads antd as ~2,000 small modules and the icons' index as every icon there is: about
 * 4 s per test file on our 2-core machines, and each jsdom test file imports them afresh. One file each
 * loads in a fraction of that. It is what Vite's own dependency optimizer does for the browser (Vitest's
 * `deps.optimizer` returns some icons as undefined here, hence our own step). The code is the packages'
 * own, unchanged: React, React DOM and dayjs stay outside, so the tests and the bundle share one instance
 * of each, and antd and the icons share one chunk of what they have in common (the icons' context).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const bundled = ['antd', '@ant-design/icons']
const shared = ['react', 'react-dom', 'dayjs']

/** @param {string} name */
function installedVersion(name) {
  /** @type {{ version: string }} */
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'))
  return manifest.version
}

/** @param {string} name */
function entryFile(name) {
  return `${name.replace(/[@/]/g, '_')}.mjs`
}

/** Inside node_modules, so that Vitest loads it as a dependency (natively, not through its transform). */
const bundleDir = join(
  repoRoot,
  'node_modules/.cache/portaldesk/ui-deps',
  createHash('sha256')
    .update([...bundled, ...shared].map((name) => `${name}@${installedVersion(name)}`).join('\n'))
    .digest('hex')
    .slice(0, 16)
)

/** `resolve.alias` entries for the unit project: each bare package name to its bundle. */
export const uiDepsAliases = bundled.map((name) => ({ find: new RegExp(`^${name.replace('/', '\\/')}$`), replacement: join(bundleDir, entryFile(name)) }))

/** dayjs has no `exports` map: Node's ESM resolver needs the file's extension that bundlers add themselves. */
/** @type {import('esbuild').Plugin} */
const keepShared = {
  name: 'keep-shared-packages-outside',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(react|react-dom|dayjs)(\/.*)?$/ }, (args) => {
      const deepDayjs = /^dayjs\/.+/.test(args.path) && !args.path.endsWith('.js')
      return { path: deepDayjs ? `${args.path}.js` : args.path, external: true }
    })
  }
}

/** Vitest global setup of the unit project: builds the bundle once per installed set of versions. */
export default async function buildUiDepsBundle() {
  if (bundled.every((name) => existsSync(join(bundleDir, entryFile(name))))) return
  await mkdir(join(bundleDir, '..'), { recursive: true })
  // Built aside and renamed into place, so that a second run at the same time never sees half a bundle.
  const staging = await mkdtemp(`${bundleDir}-building-`)
  try {
    const entries = Object.fromEntries(bundled.map((name) => [entryFile(name).replace(/\.mjs$/, ''), join(staging, `${entryFile(name)}.entry.js`)]))
    for (const name of bundled) await writeFile(join(staging, `${entryFile(name)}.entry.js`), `export * from '${name}'\n`)
    await build({
      entryPoints: entries,
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      plugins: [keepShared],
      logLevel: 'error'
    })
    await rename(staging, bundleDir).catch((error) => {
      // Another run finished first: its bundle is the same.
      if (!existsSync(bundleDir)) throw error
    })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
