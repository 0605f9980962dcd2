import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { electronExecutable } from '../support/electron'

// `npm start` on a machine without network, for real: the script, Electron's own installer pointed at a
// port nothing listens on, and the browser host it falls back to. The mirror and an empty download
// cache make sure nothing real is downloaded; where the binary is installed there is nothing to fall back from.
const repoRoot = join(import.meta.dirname, '..', '..')
const electronDir = join(repoRoot, 'node_modules', 'electron')
const binaryPresent = electronExecutable() !== null
if (binaryPresent) console.warn('SKIPPED: the Electron binary is installed here, so npm start opens Electron and never falls back.')

/** A port that was free a moment ago and is closed now: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** The environment minus every Electron download setting that could point the installer elsewhere. */
function offlineEnvironment(mirror: string, cache: string, rendererDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/electron/i.test(key) && !/^PORTALDESK_/.test(key)) env[key] = value
  }
  return {
    ...env,
    ELECTRON_MIRROR: mirror,
    // npm hands .npmrc settings to scripts as npm_config_*, which the installer prefers to ELECTRON_MIRROR.
    npm_config_electron_mirror: mirror,
    electron_config_cache: cache,
    PORTALDESK_SKIP_BUILD: '1',
    PORTALDESK_RENDERER_DIR: rendererDir
  }
}

function waitFor(output: () => string, pattern: RegExp, child: ChildProcess, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${ms} ms; output:\n${output()}`))), ms)
    const poll = setInterval(check, 100)
    const exited = () => finish(() => reject(new Error(`npm start exited (${child.exitCode}) before ${pattern}; output:\n${output()}`)))
    child.once('exit', exited)
    function finish(outcome: () => void): void {
      clearTimeout(deadline)
      clearInterval(poll)
      child.off('exit', exited)
      outcome()
    }
    function check(): void {
      const match = output().match(pattern)
      if (match) finish(() => resolve(match))
    }
  })
}

/** Resolves once npm and every process under it that holds its output (start.mjs, the host) has exited. */
function allExited(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`npm start did not stop within ${ms} ms`)), ms)
    child.once('close', () => {
      clearTimeout(deadline)
      resolve()
    })
  })
}

let root: string | null = null
let started: ChildProcess | null = null

afterAll(async () => {
  // Only after a failure above: the host may still run.
  if (started?.pid !== undefined) {
    try {
      process.kill(-started.pid, 'SIGKILL')
    } catch {
      // Already stopped, as it should be.
    }
  }
  if (root) await rm(root, { recursive: true, force: true })
})

describe.skipIf(binaryPresent)('npm start without network', () => {
  it('tries Electron’s installer, prints its error, and serves the desk in the browser host instead', async () => {
    root = await mkdtemp(join(tmpdir(), 'portaldesk-start-'))
    const cache = join(root, 'electron-cache')
    const rendererDir = join(root, 'renderer')
    await mkdir(cache)
    await mkdir(rendererDir)
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>PortalDesk</title></head></html>')
    const port = await closedPort()
    const pathTxtBefore = existsSync(join(electronDir, 'path.txt')) ? readFileSync(join(electronDir, 'path.txt'), 'utf8') : null
    const distBefore = existsSync(join(electronDir, 'dist'))

    let output = ''
    // Its own process group, so that the stop below reaches npm and everything under it, as Ctrl+C does.
    started = spawn('npm', ['start', '--', '--no-open', '--users', '0', '--data', join(root, 'data')], {
      cwd: repoRoot,
      env: offlineEnvironment(`http://127.0.0.1:${port}/`, cache, rendererDir),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    started.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()))

    const [, loginUrl] = await waitFor(() => output, /PortalDesk browser host: open (\S+)/, started, 90_000)
    expect(output).toMatch(/Electron \d+\.\d+\.\d+ is not installed yet: downloading it once with its own installer/)
    expect(output).toContain(`its installer failed: TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`)
    expect(output).toMatch(/run npm start again/)
    expect(output).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set')

    const login = await fetch(loginUrl ?? '', { redirect: 'manual' })
    expect(login.status).toBe(303)
    expect(login.headers.getSetCookie()).toHaveLength(1)

    // Ctrl+C: npm itself dies of the signal (its own behaviour), start.mjs waits for the host, the host stops its server.
    const closed = allExited(started, 20_000)
    process.kill(-(started.pid ?? 0), 'SIGINT')
    await closed
    expect(output).not.toContain('did not stop cleanly')
    await expect(fetch(loginUrl ?? '')).rejects.toThrow()

    // A refused download leaves node_modules/electron as it was: no half-written dist/, no path.txt.
    expect(existsSync(join(electronDir, 'dist'))).toBe(distBefore)
    expect(existsSync(join(electronDir, 'path.txt')) ? readFileSync(join(electronDir, 'path.txt'), 'utf8') : null).toBe(pathTxtBefore)
  })
})
