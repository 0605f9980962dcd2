import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../browser-host/host'
import { buildDeskBridge, buildDeskClient, type DeskResult } from '../../src/shared/ipc/desk-api'

// The browser host against the real portal server process (tsx, PGlite, seeding): the same wiring the
// e2e suite uses, minus the browser. Slow-ish (a real server starts twice), so it is one file.
const password = 'Real-Server-Password-1'
let root: string
let rendererDir: string
let dataDir: string
let host: BrowserHost | null = null

/** Opens a one-time login URL the way a browser does, and returns the cookie it hands out (or null). */
async function logIn(loginUrl: string): Promise<{ status: number; cookie: string | null; location: string | null }> {
  const response = await fetch(loginUrl, { redirect: 'manual' })
  const [setCookie] = response.headers.getSetCookie()
  return { status: response.status, cookie: setCookie?.split(';')[0] ?? null, location: response.headers.get('location') }
}

async function clientOf(running: BrowserHost) {
  const origin = running.url.replace(/\/$/, '')
  const { cookie } = await logIn(running.loginUrl())
  if (cookie === null) throw new Error('the one-time login URL gave no cookie')
  return buildDeskClient(
    buildDeskBridge(async (channel, input) => {
      const response = await fetch(`${origin}/__desk/invoke`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', cookie },
        body: JSON.stringify({ channel, input })
      })
      return (await response.json()) as DeskResult<unknown>
    })
  )
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'portaldesk-real-host-'))
  rendererDir = join(root, 'renderer')
  dataDir = join(root, 'data')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>PortalDesk</title></head></html>')
})

afterAll(async () => {
  await host?.close()
  await rm(root, { recursive: true, force: true })
})

describe('browser host with the real portal server', () => {
  it('seeds on first run, signs the administrator in and lists portal users', async () => {
    host = await startBrowserHost({ rendererDir, dataDir, password, users: 30 })
    expect(host.firstRun).toEqual({ login: 'admin', password })
    const desk = await clientOf(host)
    const state = await desk.session.state()
    expect(state.operator).toMatchObject({ login: 'admin', role: 'administrator' })
    // The generated password is in the first answer, for the browser that opened the desk, and in no later one.
    expect(state.firstRunNotice).toEqual({ login: 'admin', password })
    const asked = await Promise.all([desk.session.state(), (await clientOf(host)).session.state()])
    for (const later of asked) expect(JSON.stringify(later)).not.toContain(password)
    expect(state.localPortal.state).toBe('running')
    const page = await desk.users.list({ kind: 'portal', status: 'all', limit: 10 })
    expect(page.items).toHaveLength(10)
    expect(page.items.every((user) => user.kind === 'portal')).toBe(true)
    expect(page.facets.kind.portal).toBe(30)
    const detail = await desk.users.get({ id: page.items[0]?.id ?? 0 })
    expect(detail.login).toBe(page.items[0]?.login)

    // The server's refusals reach the desk with what it needs to word them: the mail limit's numbers,
    // and the own-password pointer to My account.
    const recipient = page.items.find((user) => user.email !== null && user.active)
    if (!recipient) throw new Error('no active portal user with an email')
    for (let i = 0; i < 5; i += 1) await desk.security.sendResetLink({ id: recipient.id })
    await expect(desk.security.sendResetLink({ id: recipient.id })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'mailLimit', limit: 5, windowMinutes: 60 }
    })
    await expect(desk.security.setPassword({ id: state.operator?.id ?? 0, password: 'Another-Strong-Password-9', mustChange: false, notify: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ownAccount', use: '/api/v1/auth/account/password' }
    })

    await desk.session.signOut()
    await expect(desk.users.list({ kind: 'portal' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(desk.session.signIn({ login: 'admin', password: 'wrong-password' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect((await desk.session.signIn({ login: 'admin', password })).operator?.login).toBe('admin')
    await host.close()
    host = null
  }, 180_000)

  it('reuses a data folder without seeding again; the per-run key means signing in again', async () => {
    host = await startBrowserHost({ rendererDir, dataDir, password: 'Another-Password-2', autoSignIn: true })
    expect(host.firstRun).toBeNull()
    const desk = await clientOf(host)
    const state = await desk.session.state()
    expect(state.operator).toBeNull()
    expect(state.connections).toHaveLength(1)
    expect((await desk.session.signIn({ login: 'admin', password })).operator?.login).toBe('admin')
  }, 180_000)

  it('gives a client without the cookie nothing, even with a forged Origin; the one-time URL works once', async () => {
    if (!host) throw new Error('the previous test left no host running')
    const origin = host.url.replace(/\/$/, '')
    // What curl could send: the right Host (fetch sets it) and a forged Origin, but no cookie.
    for (const path of ['/', '/__desk/shim.js']) {
      const answer = await fetch(`${origin}${path}`, { headers: { origin } })
      expect(answer.status).toBe(401)
      const body = await answer.text()
      expect(body).toContain('npm start')
      expect(body).not.toContain('__desk/invoke')
    }
    const call = await fetch(`${origin}/__desk/invoke`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'session:state' })
    })
    expect(call.status).toBe(401)
    const refusal = await call.text()
    expect(JSON.parse(refusal)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(refusal).not.toContain('admin')
    expect(refusal).not.toContain('connections')

    const loginUrl = host.loginUrl()
    const first = await logIn(loginUrl)
    expect(first).toMatchObject({ status: 303, location: '/' })
    expect(first.cookie).toMatch(/^portaldesk-host-\d+=[\w-]{43}$/)
    expect(await logIn(loginUrl)).toMatchObject({ status: 401, cookie: null })

    const state = await fetch(`${origin}/__desk/invoke`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', cookie: first.cookie ?? '' },
      body: JSON.stringify({ channel: 'session:state' })
    })
    expect(state.status).toBe(200)
    expect(await state.json()).toMatchObject({ ok: true, value: { operator: { login: 'admin' } } })
  }, 60_000)
})
