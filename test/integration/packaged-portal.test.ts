import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../electron-builder.config.mjs'
import { argon2BinaryPackage } from '../../scripts/packaging/after-pack.mjs'
import { endpoints, urlOf } from '../../src/shared/endpoints'
import { localAdminLogin, localPortalEnv, localPortalMessage } from '../../src/shared/local-portal-protocol'
import { copyPackaged, productionPackageDirs } from '../support/package-tree'

// What the installers carry is enough for the embedded portal: the built out/main/portal-server.js,
// run from a folder holding only what electron-builder packs (out/, package.json, production
// dependencies minus the config's exclusions): no src/, no dev dependencies, no repository around it.
// Electron runs it in a utilityProcess; plain Node runs the same file here, as Electron cannot.
const repoRoot = join(import.meta.dirname, '..', '..')
const password = 'Packaged-Portal-Password-7'
let root: string
let appDir: string
let server: ChildProcess | null = null

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'portaldesk-packaged-'))
  appDir = join(root, 'app')
  // A copy of the build the suite's global setup made fresh (global-setup.ts), so that the repository's out/ stays as it was.
  await cp(join(repoRoot, 'out'), join(appDir, 'out'), { recursive: true })
  await copyFile(join(repoRoot, 'package.json'), join(appDir, 'package.json'))
  const excluded = (config.files as string[]).filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))
  for (const dir of productionPackageDirs(repoRoot)) {
    await copyPackaged(dir, join(appDir, relative(repoRoot, dir)), excluded, repoRoot)
  }
})

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  await rm(root, { recursive: true, force: true })
})

function readyPort(child: ChildProcess, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the packaged portal server did not report ready within ${ms} ms`)), ms)
    child.once('exit', (code) => reject(new Error(`the packaged portal server exited (${code}) before it was ready`)))
    child.on('message', (raw) => {
      clearTimeout(deadline)
      const message = localPortalMessage.parse(raw)
      if (message.type === 'ready') resolve(message.port)
      else reject(new Error(`the packaged portal server failed: ${message.message}`))
    })
  })
}

describe('the packaged portal server', () => {
  it('carries what it needs: the server bundle, PGlite’s WASM and data, the argon2 binary, and nothing from src/ or dev dependencies', () => {
    expect(existsSync(join(appDir, 'out/main/portal-server.js'))).toBe(true)
    for (const file of ['pglite.wasm', 'pglite.data', 'initdb.wasm', 'pg_trgm.tar.gz']) {
      expect(existsSync(join(appDir, 'node_modules/@electric-sql/pglite/dist', file)), file).toBe(true)
    }
    const argon2 = argon2BinaryPackage(process.platform, process.arch)
    expect(existsSync(join(appDir, 'node_modules', argon2.name, argon2.file)), argon2.name).toBe(true)
    expect(existsSync(join(appDir, 'src'))).toBe(false)
    for (const devOnly of ['electron', 'vitest', 'electron-builder', 'tsx']) expect(existsSync(join(appDir, 'node_modules', devOnly)), devOnly).toBe(false)
  })

  it('carries every package the main process, the preload and the portal server import', async () => {
    const bundles = (await readdir(join(appDir, 'out'), { recursive: true })).filter((file) => /\.(c|m)?js$/.test(file) && !file.startsWith('renderer'))
    const imported = new Set<string>()
    for (const bundle of bundles) {
      const code = await readFile(join(appDir, 'out', bundle), 'utf8')
      for (const [, specifier] of code.matchAll(/(?:from |import\(|require\()"([^".][^"]*)"/g)) {
        const name = specifier?.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier?.split('/')[0]
        if (name && !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron') imported.add(name)
      }
    }
    expect(imported).toContain('@electric-sql/pglite')
    expect(imported).toContain('electron-store')
    for (const name of imported) expect(existsSync(join(appDir, 'node_modules', name, 'package.json')), name).toBe(true)
  })

  it('starts from that folder alone, seeds, and signs the local administrator in over HTTP', async () => {
    const dataDir = join(root, 'data')
    await mkdir(dataDir)
    server = fork(join(appDir, 'out/main/portal-server.js'), [], {
      cwd: appDir,
      // Nothing from the test runner: no loaders, no NODE_OPTIONS, no path back to the repository.
      execArgv: [],
      env: {
        PATH: process.env.PATH ?? '',
        [localPortalEnv.host]: '127.0.0.1',
        [localPortalEnv.port]: '0',
        [localPortalEnv.dataDir]: dataDir,
        [localPortalEnv.seedIfEmpty]: '1',
        [localPortalEnv.seedPassword]: password,
        [localPortalEnv.seedUsers]: '5',
        [localPortalEnv.mailbox]: 'local'
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    })
    const port = await readyPort(server, 120_000)
    const base = `http://127.0.0.1:${port}`

    const refused = await fetch(`${base}${urlOf(endpoints.login)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: localAdminLogin, password: 'not-the-password' }) })
    expect(refused.status).toBe(401)

    const login = await fetch(`${base}${urlOf(endpoints.login)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: localAdminLogin, password }) })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const users = await fetch(`${base}${urlOf(endpoints.listUsers)}?kind=portal&limit=10`, { headers: { authorization: `Bearer ${token}` } })
    expect(users.status).toBe(200)
    expect(((await users.json()) as { items: unknown[] }).items).toHaveLength(5)
  })
})
