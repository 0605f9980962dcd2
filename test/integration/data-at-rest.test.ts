import { spawn } from 'node:child_process'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost } from '../browser-host/host'
import { emptyDatabase, pgliteBackend, type TestBackend } from './support/backends'
import { startTestPortal } from './support/portal'

// Another OS user of the machine: `nobody`. Only root can run a process as someone else.
const otherUser = { uid: 65534, gid: 65534 }
const runsAsRoot = process.getuid?.() === 0

interface Entry {
  path: string
  mode: number
  directory: boolean
}

async function walk(root: string): Promise<Entry[]> {
  const info = await lstat(root)
  const entry = { path: root, mode: info.mode & 0o777, directory: info.isDirectory() }
  if (!info.isDirectory()) return [entry]
  const children = await Promise.all((await readdir(root)).map((name) => walk(join(root, name))))
  return [entry, ...children.flat()]
}

/** Runs a command as `nobody`; resolves with its exit code and what it wrote to stderr. */
function runAsOtherUser(command: string, args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...otherUser, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stderr, stdout }))
  })
}

function describeLoose(entries: Entry[], root: string): string[] {
  return entries
    .filter((entry) => (entry.directory ? entry.mode !== 0o700 : entry.mode !== 0o600))
    .map((entry) => `${entry.mode.toString(8)} ${relative(root, entry.path) || '.'}`)
}

describe('the embedded portal keeps its data to its own OS user', () => {
  let root: string

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'portaldesk-at-rest-'))
    // The folders above the desk's user-data folder are open, as a home directory often is: only
    // the portal's own folder may keep another user out.
    await chmod(root, 0o755)
  })

  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('writes its database (with an unsent reset link in it) as 0600 files in 0700 folders that another user cannot open', async () => {
    const rendererDir = join(root, 'renderer')
    const userDataDir = join(root, 'user-data')
    await mkdir(rendererDir, { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>PortalDesk</title></head></html>')
    await mkdir(userDataDir, { mode: 0o755 })
    await chmod(userDataDir, 0o755)

    const password = 'At-Rest-Password-1'
    const host = await startBrowserHost({ rendererDir, dataDir: userDataDir, password, users: 20 })
    try {
      const api = (path: string, init: RequestInit = {}) => fetch(`${host.portalUrl}/api/v1${path}`, init)
      const login = await api('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) })
      expect(login.status).toBe(200)
      const { token } = (await login.json()) as { token: string }
      const headers = { authorization: `Bearer ${token}` }
      const list = (await (await api('/users?kind=portal&limit=50', { headers })).json()) as { items: { id: number; email: string | null }[] }
      const target = list.items.find((user) => user.email !== null)
      expect(target).toBeDefined()
      // No SMTP: the email, with its live link, waits in the outbox table.
      const sent = await api(`/users/${target?.id}/reset-link`, { method: 'POST', headers })
      expect(sent.status).toBe(200)
    } finally {
      await host.close()
    }

    const portalDir = join(userDataDir, 'portal')
    const entries = await walk(portalDir)
    expect(entries.filter((entry) => !entry.directory).length).toBeGreaterThan(100)
    expect(describeLoose(entries, portalDir)).toEqual([])

    // The files that hold the unsent email's link, found as their owner.
    const holders: string[] = []
    for (const entry of entries) {
      if (!entry.directory && (await readFile(entry.path)).includes('/reset-password?token=')) holders.push(entry.path)
    }
    expect(holders.length).toBeGreaterThan(0)

    if (!runsAsRoot) {
      console.log('data-at-rest: not running as root, so the read attempt as another OS user was skipped; the modes were checked.')
      return
    }
    // The attack: another user of the machine reads the database files and lists the folder.
    for (const path of [...holders, join(portalDir, 'pglite', 'global', 'pg_control')]) {
      const read = await runAsOtherUser('cat', [path])
      expect(read.code, `nobody could read ${path}`).not.toBe(0)
      expect(read.stderr).toMatch(/Permission denied/)
      expect(read.stdout).toBe('')
    }
    for (const path of [portalDir, join(portalDir, 'pglite')]) {
      const listing = await runAsOtherUser('ls', [path])
      expect(listing.code, `nobody could list ${path}`).not.toBe(0)
      expect(listing.stderr).toMatch(/Permission denied/)
    }
    // The same probe does see a file that is meant to be public, so a refusal above is the modes' doing.
    const control = join(root, 'public.txt')
    await writeFile(control, 'readable')
    await chmod(control, 0o644)
    expect((await runAsOtherUser('cat', [control])).stdout).toBe('readable')
  }, 240_000)
})

describe('a data folder that others can open', () => {
  it('gives a warning naming the folder at start', async () => {
    let dataDir = ''
    const openFolder: TestBackend = {
      ...pgliteBackend,
      async provision(template) {
        const database = await pgliteBackend.provision(template)
        await chmod(database.dataDir, 0o755)
        dataDir = database.dataDir
        return database
      }
    }
    const portal = await startTestPortal(openFolder, { portalUsers: 5, logLevel: 'warn' })
    try {
      const warnings = portal.logLines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level === 40)
      expect(warnings.map((line) => line.msg)).toContainEqual(expect.stringContaining(`The data folder ${dataDir} can be opened by other users of this computer (mode 0755)`))
    } finally {
      await portal.close()
    }
  })

  it('takes group and other permissions away from files an older version left open', async () => {
    const database = await pgliteBackend.provision(emptyDatabase)
    try {
      const first = await startTestPortal({ ...pgliteBackend, provision: async () => ({ ...database, dispose: async () => undefined }) }, { portalUsers: 5 })
      await first.close()
      const pglite = join(database.dataDir, 'pglite')
      // As the server before this change left them.
      for (const entry of await walk(pglite)) await chmod(entry.path, entry.directory ? 0o755 : 0o666)
      expect((await stat(join(pglite, 'PG_VERSION'))).mode & 0o777).toBe(0o666)
      const second = await startTestPortal({ ...pgliteBackend, provision: async () => ({ ...database, dispose: async () => undefined }) }, { seed: false })
      await second.close()
      expect(describeLoose(await walk(pglite), pglite)).toEqual([])
    } finally {
      await database.dispose()
    }
  })
})
