import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAllowedSender, isAppUrl } from '../../../src/main/window/app-origin'
import { createAppProtocolHandler } from '../../../src/main/window/app-protocol'
import { isAllowedExternalUrl, openExternal } from '../../../src/main/window/external-links'
import {
  hardenSession,
  type DownloadEvent,
  hardenWindow,
  secureWebPreferences,
  type HardenableWindow,
  type NavigationEvent,
  type PermissionCheckHandler,
  type PermissionRequestHandler
} from '../../../src/main/window/harden'
import { resolveRendererPath } from '../../../src/main/window/renderer-files'

const production = { devServerUrl: null }
const development = { devServerUrl: 'http://localhost:5173' }

const hostileUrls = [
  'javascript:alert(document.domain)',
  'file:///etc/passwd',
  'http://evil.example/',
  'https://evil.example/',
  'app://evil/index.html',
  'app://portaldesk.evil/index.html',
  'app://portaldesk@evil/index.html',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'http://localhost:5173/',
  'not a url'
]

describe('app origin', () => {
  it('recognises the app itself', () => {
    expect(isAppUrl('app://portaldesk/index.html', production)).toBe(true)
    expect(isAppUrl('app://portaldesk/users/12?x=1#top', production)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', development)).toBe(true)
  })

  it.each(hostileUrls)('refuses %s as the app', (url) => {
    expect(isAppUrl(url, production)).toBe(false)
  })

  it('only allows the dev server origin in development, not its neighbours', () => {
    expect(isAppUrl('http://localhost:5174/', development)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', development)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', development)).toBe(false)
  })

  it('accepts IPC only from the app top frame', () => {
    expect(isAllowedSender({ url: 'app://portaldesk/index.html', parent: null }, production)).toBe(true)
    expect(isAllowedSender({ url: 'app://portaldesk/index.html', parent: {} }, production)).toBe(false)
    for (const url of hostileUrls) expect(isAllowedSender({ url, parent: null }, production)).toBe(false)
  })
})

describe('openExternal', () => {
  const hosts = ['portal.example.com']

  it('opens an allowlisted https link', async () => {
    const opened: string[] = []
    expect(await openExternal('https://portal.example.com/help?x=1', { allowedHosts: () => hosts, open: async (url) => void opened.push(url) })).toBe(true)
    expect(opened).toEqual(['https://portal.example.com/help?x=1'])
  })

  it.each([
    'http://portal.example.com/',
    'https://evil.example/',
    'https://portal.example.com.evil.example/',
    'https://evil.example/#portal.example.com',
    'https://user:pw@portal.example.com/',
    'https://portal.example.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://portal.example.com/share',
    'app://portaldesk/index.html',
    ''
  ])('refuses %s and opens nothing', async (url) => {
    const opened: string[] = []
    expect(await openExternal(url, { allowedHosts: () => hosts, open: async (u) => void opened.push(u) })).toBe(false)
    expect(opened).toEqual([])
  })

  it('matches hosts case-insensitively and exactly', () => {
    expect(isAllowedExternalUrl('https://PORTAL.example.com/', hosts)).toBe(true)
    expect(isAllowedExternalUrl('https://sub.portal.example.com/', hosts)).toBe(false)
  })

  it("opens the embedded portal's exact loopback origin (its reset page), and no other port, host or credentials", () => {
    const local = ['http://127.0.0.1:43123']
    expect(isAllowedExternalUrl('http://127.0.0.1:43123/reset-password?token=abc', hosts, local)).toBe(true)
    expect(isAllowedExternalUrl('http://127.0.0.1:43124/reset-password', hosts, local)).toBe(false)
    expect(isAllowedExternalUrl('http://localhost:43123/reset-password', hosts, local)).toBe(false)
    expect(isAllowedExternalUrl('http://user:pw@127.0.0.1:43123/', hosts, local)).toBe(false)
    expect(isAllowedExternalUrl('http://127.0.0.1:43123/reset-password', hosts)).toBe(false)
  })
})

function fakeWindow() {
  const handlers: {
    open?: (details: { url: string }) => { action: 'deny' }
    navigate?: (event: NavigationEvent) => void
    webview?: (event: { preventDefault(): void }) => void
  } = {}
  const window: HardenableWindow = {
    setWindowOpenHandler: (handler) => void (handlers.open = handler),
    onNavigate: (listener) => void (handlers.navigate = listener),
    onAttachWebview: (listener) => void (handlers.webview = listener)
  }
  return { window, handlers }
}

function navigation(url: string) {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) }
  return event
}

describe('hardenWindow', () => {
  function hardened() {
    const { window, handlers } = fakeWindow()
    const opened: string[] = []
    hardenWindow(window, { origins: production, externalLinks: { allowedHosts: () => ['portal.example.com'], open: async (url) => void opened.push(url) } })
    return { handlers, opened }
  }

  it('denies every new window and sends only allowlisted links to the system browser', async () => {
    const { handlers, opened } = hardened()
    for (const url of [...hostileUrls, 'https://portal.example.com/docs', 'app://portaldesk/index.html']) {
      expect(handlers.open?.({ url })).toEqual({ action: 'deny' })
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(opened).toEqual(['https://portal.example.com/docs'])
  })

  it('blocks navigation away from the app', () => {
    const { handlers } = hardened()
    for (const url of hostileUrls) {
      const event = navigation(url)
      handlers.navigate?.(event)
      expect(event.prevented, url).toBe(true)
    }
    const inApp = navigation('app://portaldesk/users/3')
    handlers.navigate?.(inApp)
    expect(inApp.prevented).toBe(false)
  })

  it('refuses to attach a webview', () => {
    const { handlers } = hardened()
    const event = navigation('')
    handlers.webview?.(event)
    expect(event.prevented).toBe(true)
  })

  it('uses secure web preferences', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false
    })
  })
})

describe('hardenSession', () => {
  it('denies permissions by default, to anyone', () => {
    let request: PermissionRequestHandler | undefined
    let check: PermissionCheckHandler | undefined
    hardenSession({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h), onDownload: () => {} }, production)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      request?.(permission, 'app://portaldesk/index.html', (granted) => answers.push(granted))
      expect(check?.(permission, 'app://portaldesk')).toBe(false)
    }
    expect(answers.every((granted) => !granted)).toBe(true)
    // Copying a login is the one thing the app page may do; a foreign page may not.
    expect(check?.('clipboard-sanitized-write', 'app://portaldesk')).toBe(true)
    expect(check?.('clipboard-sanitized-write', 'https://evil.example')).toBe(false)
  })

  it('lets the app page, and only it, show notifications', () => {
    let request: PermissionRequestHandler | undefined
    let check: PermissionCheckHandler | undefined
    hardenSession({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h), onDownload: () => {} }, production)
    const answers: [string, boolean][] = []
    for (const url of ['app://portaldesk/index.html', ...hostileUrls]) request?.('notifications', url, (granted) => answers.push([url, granted]))
    expect(answers.filter(([, granted]) => granted).map(([url]) => url)).toEqual(['app://portaldesk/index.html'])
    expect(check?.('notifications', 'app://portaldesk')).toBe(true)
    for (const url of hostileUrls) expect(check?.('notifications', url)).toBe(false)
  })
})

describe('downloads', () => {
  it('lets the desk save files it made itself and cancels every other download', () => {
    let listener: ((download: DownloadEvent) => void) | undefined
    hardenSession({ setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, onDownload: (l) => void (listener = l) }, production)
    const outcome = (url: string) => {
      let cancelled = false
      listener?.({ url, cancel: () => void (cancelled = true) })
      return cancelled ? 'cancelled' : 'allowed'
    }
    expect(outcome('blob:app://portaldesk/6f1c2a4e-0000-4000-8000-000000000001')).toBe('allowed')
    for (const url of [
      'https://evil.example/payload.exe',
      'blob:https://evil.example/6f1c2a4e',
      'blob:app://portaldesk.evil.example/6f1c2a4e',
      'blob:app://user:pass@portaldesk/6f1c2a4e',
      'data:text/csv,a,b',
      'file:///etc/passwd',
      'app://portaldesk/index.html'
    ]) {
      expect(outcome(url), url).toBe('cancelled')
    }
  })
})

describe('renderer files', () => {
  let root: string
  let rendererDir: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'portaldesk-renderer-'))
    rendererDir = join(root, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PortalDesk</title>')
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(root, 'secret.txt'), 'do not serve')
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('resolves paths inside the renderer folder', () => {
    expect(resolveRendererPath(rendererDir, '/assets/app.js')).toBe(join(rendererDir, 'assets', 'app.js'))
    expect(resolveRendererPath(rendererDir, '/')).toBe(join(rendererDir, 'index.html'))
  })

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A', '/assets\\..\\..\\secret.txt'])(
    'refuses the traversal %s',
    (path) => {
      expect(resolveRendererPath(rendererDir, path)).toBeNull()
    }
  )

  const handler = () => createAppProtocolHandler(rendererDir)

  it('serves app:// files with their type and the CSP', async () => {
    const response = await handler()(new Request('app://portaldesk/assets/app.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/javascript')
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(await response.text()).toBe('console.log(1)')
  })

  it('falls back to index.html for client routes but not for missing assets', async () => {
    const route = await handler()(new Request('app://portaldesk/users/42'))
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('<title>PortalDesk</title>')
    expect((await handler()(new Request('app://portaldesk/assets/missing.js'))).status).toBe(404)
  })

  it.each(['app://portaldesk/..%2fsecret.txt', 'app://portaldesk/%2e%2e/secret.txt', 'app://portaldesk/assets/..%2f..%2fsecret.txt', 'app://evil/index.html'])(
    'never serves outside the renderer folder: %s',
    async (url) => {
      const response = await handler()(new Request(url))
      expect(await response.text()).not.toContain('do not serve')
    }
  )

  it('refuses writes', async () => {
    expect((await handler()(new Request('app://portaldesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })
})
