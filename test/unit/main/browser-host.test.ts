import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { injectShim, startBrowserHost, type BrowserHost } from '../../browser-host/host'
import { fakeLauncher } from './support/fake-launcher'
import { startFakePortal, type FakePortal } from './support/fake-portal'

const password = 'Host-Test-Password-1'
let root: string
let rendererDir: string
let portal: FakePortal
let host: BrowserHost
let origin: string
let cookie: string

/** Raw HTTP, because fetch() will not let a test forge Host, Origin or Sec-Fetch-Site. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(path, host.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Opens a one-time login URL as a browser would, and returns the session cookie it was given. */
async function logIn(loginUrl: string): Promise<string> {
  const answer = await raw(loginUrl.slice(origin.length), { headers: { 'sec-fetch-site': 'none' } })
  expect(answer.status).toBe(303)
  const [setCookie] = answer.headers['set-cookie'] as string[]
  return (setCookie ?? '').split(';')[0] ?? ''
}

function invoke(body: unknown, headers: Record<string, string> = {}) {
  return raw('/__desk/invoke', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body)
  })
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'portaldesk-host-test-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>PortalDesk</title><script type="module" src="/assets/app.js"></script></head><body></body></html>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {}')
  await writeFile(join(root, 'secret.txt'), 'do not serve')
  portal = await startFakePortal(password)
  host = await startBrowserHost({ rendererDir, password, launcher: fakeLauncher((child) => child.send({ type: 'ready', port: portal.port, seeded: true })) })
  origin = host.url.replace(/\/$/, '')
  cookie = await logIn(host.loginUrl())
})

afterAll(async () => {
  await host?.close()
  await portal?.close()
  await rm(root, { recursive: true, force: true })
})

describe('browser host', () => {
  it('listens on 127.0.0.1 and reports the first-run administrator', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(host.firstRun).toEqual({ login: 'admin', password })
  })

  it('trades a one-time login URL for an HttpOnly, SameSite=Strict cookie, and sends the browser on without the token', async () => {
    const loginUrl = host.loginUrl()
    expect(loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)
    const answer = await raw(loginUrl.slice(origin.length))
    expect(answer.status).toBe(303)
    expect(answer.headers.location).toBe('/')
    const [setCookie] = answer.headers['set-cookie'] as string[]
    expect(setCookie).toMatch(/^portaldesk-host-\d+=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/)
    // Every browser that opens the desk shares one session of the host: one secret, one cookie.
    expect(setCookie?.split(';')[0]).toBe(cookie)
    expect(answer.body).toBe('')
  })

  it('honours each login URL once, and no made-up one', async () => {
    const loginUrl = host.loginUrl().slice(origin.length)
    expect((await raw(loginUrl)).status).toBe(303)
    const again = await raw(loginUrl)
    expect(again.status).toBe(401)
    expect(again.headers['set-cookie']).toBeUndefined()
    for (const made of ['/?token=', '/?token=x', `/?token=${'A'.repeat(43)}`]) {
      const answer = await raw(made)
      expect(answer.status).toBe(401)
      expect(answer.headers['set-cookie']).toBeUndefined()
    }
    // Only a browser's GET signs in: a POST with a fresh token gets nothing and leaves it unused.
    const fresh = host.loginUrl().slice(origin.length)
    expect((await raw(fresh, { method: 'POST', headers: { origin } })).status).toBe(401)
    expect((await raw(fresh)).status).toBe(303)
    // A browser that holds the cookie and reloads the old URL is just sent on.
    const reload = await raw(loginUrl, { headers: { cookie } })
    expect(reload.status).toBe(303)
    expect(reload.headers['set-cookie']).toBeUndefined()
  })

  it('gives a client without the cookie a 401 page and nothing of the desk, whatever headers it forges', async () => {
    const forged = { origin, 'sec-fetch-site': 'same-origin' }
    for (const path of ['/', '/users/7', '/assets/app.js', '/__desk/shim.js', '/__desk/nothing']) {
      for (const headers of [{}, forged, { ...forged, cookie: `${cookie.split('=')[0]}=${'A'.repeat(43)}` }, { ...forged, cookie: cookie.split('=')[1] ?? '' }]) {
        const answer = await raw(path, { headers })
        expect(answer.status).toBe(401)
        expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(answer.body).toContain('npm start')
        expect(answer.body).not.toContain('/__desk/shim.js')
        expect(answer.body).not.toContain('buildDeskBridge')
        expect(answer.headers['set-cookie']).toBeUndefined()
      }
    }
    const call = await invoke({ channel: 'session:state' }, { cookie: '' })
    expect(call.status).toBe(401)
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(call.body).not.toContain(password)
    expect(call.body).not.toContain('admin')
  })

  it('serves a shim that holds no secret', async () => {
    const shim = await raw('/__desk/shim.js', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(shim.status).toBe(200)
    expect(shim.body).toContain('/__desk/invoke')
    expect(shim.body).not.toContain(cookie.split('=')[1])
    expect(shim.body).not.toContain('x-desk-token')
  })

  it('serves index.html with the shim before the app bundle, and the CSP', async () => {
    const page = await raw('/', { headers: { 'sec-fetch-site': 'none', cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.body.indexOf('/__desk/shim.js')).toBeGreaterThan(0)
    expect(page.body.indexOf('/__desk/shim.js')).toBeLessThan(page.body.indexOf('/assets/app.js'))
    expect(page.headers['cache-control']).toBe('no-store')
    const asset = await raw('/assets/app.js', { headers: { cookie } })
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    // Named after their content by Vite: kept for good, while the page that names them is never kept.
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await raw('/users/7', { headers: { cookie } })).body).toContain('/__desk/shim.js')
    const missing = await raw('/assets/missing.js', { headers: { cookie } })
    expect(missing.status).toBe(404)
    expect(missing.headers['cache-control']).toBe('no-cache')
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      expect((await raw(path, { headers: { cookie } })).body).not.toContain('do not serve')
    }
  })

  it('answers window.desk calls with the handler table', async () => {
    const state = await invoke({ channel: 'session:state' })
    expect(state.status).toBe(200)
    const result = JSON.parse(state.body) as { ok: boolean; value: { operator: { login: string } } }
    expect(result.ok).toBe(true)
    expect(result.value.operator.login).toBe('admin')
    expect(state.body).not.toContain([...portal.tokens][0])

    const users = JSON.parse((await invoke({ channel: 'users:list', input: { kind: 'portal' } })).body) as { ok: boolean }
    expect(users.ok).toBe(true)
    expect(JSON.parse((await invoke({ channel: 'users:get', input: { id: 'x' } })).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.parse((await invoke({ channel: 'system:exec', input: 'rm -rf /' })).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('rejects invoke calls without the right cookie', async () => {
    expect((await invoke({ channel: 'session:state' }, { cookie: '' })).status).toBe(401)
    expect((await invoke({ channel: 'session:state' }, { cookie: `${cookie.slice(0, -1)}${cookie.endsWith('x') ? 'y' : 'x'}` })).status).toBe(401)
    expect((await invoke({ channel: 'session:state' }, { 'x-desk-token': cookie.split('=')[1] ?? '', cookie: '' })).status).toBe(401)
  })

  it('rejects a foreign or missing Origin', async () => {
    expect((await invoke({ channel: 'session:state' }, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await invoke({ channel: 'session:state' }, { origin: origin.replace('127.0.0.1', 'localhost') })).status).toBe(403)
    expect((await invoke({ channel: 'session:state' }, { origin: 'null' })).status).toBe(403)
    const withoutOrigin = await raw('/__desk/invoke', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"channel":"session:state"}' })
    expect(withoutOrigin.status).toBe(403)
  })

  it('rejects a foreign Host (DNS rebinding) on every path', async () => {
    for (const path of ['/', '/__desk/shim.js', '/__desk/invoke']) {
      expect((await raw(path, { headers: { host: `evil.example:${new URL(host.url).port}` } })).status).toBe(403)
      expect((await raw(path, { headers: { host: `localhost:${new URL(host.url).port}` } })).status).toBe(403)
    }
  })

  it('refuses the shim to cross-site requests', async () => {
    expect((await raw('/__desk/shim.js', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect((await raw('/__desk/shim.js', { headers: { cookie, 'sec-fetch-site': 'same-site' } })).status).toBe(403)
    expect((await raw('/__desk/shim.js', { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403)
  })

  it('refuses non-JSON and oversized bodies', async () => {
    expect((await invoke({ channel: 'session:state' }, { 'content-type': 'text/plain' })).status).toBe(415)
    const big = await raw('/__desk/invoke', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', cookie },
      body: JSON.stringify({ channel: 'session:state', input: 'x'.repeat(2 * 1024 * 1024) })
    }).catch(() => ({ status: 'connection reset' }))
    expect([413, 'connection reset']).toContain(big.status)
    expect((await invoke({ channel: 'session:state' })).status).toBe(200)
    const broken = await raw('/__desk/invoke', { method: 'POST', headers: { origin, 'content-type': 'application/json', cookie }, body: '{"channel":' })
    expect(broken.status).toBe(400)
  })

  it('keeps its files owner-only in its own data folder', async () => {
    expect((await stat(join(host.dataDir, 'connections.json'))).mode & 0o777).toBe(0o600)
  })
})

describe('injectShim', () => {
  it('puts the shim before the first script, or at the end of head', () => {
    expect(injectShim('<head><script src="/a.js"></script></head>')).toMatch(/^<head><script src="\/__desk\/shim.js"><\/script>\s*<script src="\/a.js">/)
    expect(injectShim('<head><title>x</title></head>')).toContain('<script src="/__desk/shim.js"></script>\n</head>')
  })
})
