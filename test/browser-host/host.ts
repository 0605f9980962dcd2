import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { createDesk, type Desk } from '../../src/main/desk'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { ProcessLauncher } from '../../src/main/local-portal/process-launcher'
import type { Logger } from '../../src/main/log'
import { createConsoleLogger } from '../../src/main/log'
import { appResponseHeaders } from '../../src/main/window/csp'
import { readRendererFile } from '../../src/main/window/renderer-files'
import { DeskError } from '../../src/shared/errors'
import { localAdminLogin } from '../../src/shared/local-portal-protocol'
import { createHostAccess, loginTokenParam, notSignedInPage, type HostAccess } from './access'
import { repoRoot } from './desk-build'
import { copyPortalTemplate, reportingFirstRun, type PortalTemplate } from './portal-template'
import { builtServerEntry, createForkLauncher } from './stand-ins/fork-launcher'
import { createJsonFileStore } from './stand-ins/json-file-store'
import { createNodeCipher } from './stand-ins/node-cipher'

export { repoRoot }

export interface BrowserHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** The desk's user-data folder; a fresh temporary one (removed on close) when absent. */
  dataDir?: string
  /** Portal users to seed on first run (the server's default when absent). */
  users?: number
  /** Password of every seeded account; random when absent (see `firstRun`). */
  password?: string
  /** Sign the local administrator in on first run, as the desk does. Default true. */
  autoSignIn?: boolean
  /** The built renderer; default $PORTALDESK_RENDERER_DIR, else out/renderer. */
  rendererDir?: string
  /** Simulate Linux without a keyring (safeStorage backend `basic_text`): nothing secret is persisted. */
  basicText?: boolean
  /** 'inherit' shows the portal server's log; default 'quiet'. */
  serverOutput?: 'inherit' | 'quiet'
  /** Variables added to the embedded portal server's environment (SMTP_URL for a test mailbox, say). */
  env?: Record<string, string>
  /** Tests of the host itself only: replaces the real server process. */
  launcher?: ProcessLauncher
  /** A seeded portal folder (portal-template.ts) copied in as this first run, instead of seeding anew; sets `users` and `password`. */
  portalTemplate?: PortalTemplate
}

export interface BrowserHost {
  /** http://127.0.0.1:<port>/: answers 401 to a browser that has not opened a `loginUrl()`. */
  url: string
  /** A fresh one-time `http://127.0.0.1:<port>/?token=…`: the browser that opens it gets the desk's cookie. */
  loginUrl(): string
  dataDir: string
  /** On a first run, the seeded administrator's login and password (also shown by the renderer). */
  firstRun: { login: string; password: string } | null
  /** The embedded portal server's own address, for tests that check effects through its API. */
  portalUrl: string
  close(): Promise<void>
}

// A 1 MiB avatar travels as base64 inside JSON: a third more, plus the envelope.
const maxBodyBytes = 2 * 1024 * 1024
const shimTag = '<script src="/__desk/shim.js"></script>'

/**
 * Serves the built renderer to a plain browser and answers its `window.desk` calls with the very handler
 * table the Electron main process registers, backed by a real portal server process.
 */
/** PORTALDESK_SERVER_OUTPUT=inherit shows every host's portal server log (to debug an e2e run); quiet by default. */
function serverOutputFromEnv(): 'inherit' | 'quiet' {
  return process.env.PORTALDESK_SERVER_OUTPUT === 'inherit' ? 'inherit' : 'quiet'
}

export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? process.env.PORTALDESK_RENDERER_DIR ?? join(repoRoot, 'out/renderer'))
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(rendererDir, 'index.html')} is missing). Run \`npm run build\` first.`)
  }
  if (options.launcher === undefined && !existsSync(join(repoRoot, builtServerEntry))) {
    throw new Error(`The portal server is not built (${join(repoRoot, builtServerEntry)} is missing). Run \`npm run build\` first.`)
  }
  const template = options.portalTemplate
  if (template && ((options.users ?? template.users) !== template.users || (options.password ?? template.password) !== template.password)) {
    throw new Error('The portal template was seeded with other users or another password than this host asks for.')
  }
  const ownsDataDir = options.dataDir === undefined
  const dataDir = ownsDataDir ? await mkdtemp(join(tmpdir(), 'portaldesk-host-')) : resolve(options.dataDir as string)
  await mkdir(dataDir, { recursive: true, mode: 0o700 })

  const log = hostLogger()
  let desk: Desk | null = null
  const server = createServer()
  try {
    if (template) await copyPortalTemplate(template, dataDir)
    const launcher = options.launcher ?? createForkLauncher({ cwd: repoRoot, output: options.serverOutput ?? serverOutputFromEnv() })
    const shim = await bundleShim()
    desk = await createDesk(
      {
        userDataDir: dataDir,
        cipher: createNodeCipher(options.basicText ? { simulate: 'basic_text' } : {}),
        openStore: (name) => createJsonFileStore(join(dataDir, `${name}.json`)),
        launcher: template ? reportingFirstRun(launcher) : launcher,
        log,
        baseEnv: { ...process.env, ...options.env }
      },
      { seedPassword: template?.password ?? options.password, seedUsers: template?.users ?? options.users, signInSeededAdmin: options.autoSignIn ?? true }
    )
    const port = await listen(server, options.port ?? 0)
    const origin = `http://127.0.0.1:${port}`
    const access = createHostAccess(origin)
    const activeDesk = desk
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      handle(request, response, { origin, access, shim, rendererDir, desk: activeDesk, log }).catch((error: unknown) => {
        log.error(`browser host request failed: ${String(error)}`)
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error')
        else response.destroy()
      })
    })

    // Not session.state(): that would take the one answer that carries the first-run password, which
    // belongs to the browser that opens the desk.
    await desk.session.start()
    const portal = desk.localPortal.status()
    if (portal.state === 'failed') throw new Error(portal.error ?? 'The embedded portal could not start.')
    const running = portal.state === 'running' ? await desk.localPortal.start() : null

    return {
      url: `${origin}/`,
      loginUrl: () => access.loginUrl(),
      dataDir,
      firstRun: running?.seeded ? { login: localAdminLogin, password: running.seedPassword } : null,
      portalUrl: activeDesk.localPortal.url() ?? '',
      close: async () => {
        server.closeAllConnections()
        await new Promise<void>((done) => server.close(() => done()))
        await activeDesk.shutdown()
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    server.closeAllConnections()
    server.close()
    await desk?.shutdown().catch(() => undefined)
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}

interface HostContext {
  origin: string
  access: HostAccess
  shim: string
  rendererDir: string
  desk: Desk
  log: Logger
}

async function handle(request: IncomingMessage, response: ServerResponse, context: HostContext): Promise<void> {
  const url = new URL(request.url ?? '/', context.origin)
  // DNS rebinding and cross-site pages: only our own host name and origin get an answer.
  if (request.headers.host !== new URL(context.origin).host) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden host')
  const origin = request.headers.origin
  if (origin !== undefined && origin !== context.origin) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden origin')

  const loginToken = url.searchParams.get(loginTokenParam)
  if (loginToken !== null) return logIn(request, response, url, loginToken, context.access)
  if (!context.access.admits(request.headers.cookie)) {
    if (url.pathname === '/__desk/invoke') return send(response, 401, 'application/json; charset=utf-8', failure('UNAUTHORIZED', 'Open the desk from the one-time URL its host printed.'))
    return send(response, 401, 'text/html; charset=utf-8', request.method === 'HEAD' ? '' : notSignedInPage)
  }

  if (url.pathname === '/__desk/invoke') return invoke(request, response, context)
  if (url.pathname === '/__desk/shim.js') {
    const site = request.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden')
    return send(response, 200, 'text/javascript; charset=utf-8', context.shim)
  }
  if (url.pathname.startsWith('/__desk/')) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed')

  const file = await readRendererFile(context.rendererDir, url.pathname)
  const body = file.isIndex ? Buffer.from(injectShim(file.body.toString('utf8'))) : file.body
  const caching = file.isIndex ? 'no-store' : file.status === 200 && url.pathname.startsWith(hashedAssetsPath) ? keptForGood : 'no-cache'
  return send(response, file.status, file.contentType, request.method === 'HEAD' ? '' : body, caching)
}

/** Vite names every file here after a hash of its content, so a browser may keep one for good (and its compiled code with it). */
const hashedAssetsPath = '/assets/'
const keptForGood = 'public, max-age=31536000, immutable'

/**
 * Trades a one-time login token for the session cookie, then sends the browser on without the token,
 * so that it stays neither in the address bar nor in the history. A used or wrong token gets the 401
 * page, unless this browser holds the cookie already (a reload of the old URL).
 */
function logIn(request: IncomingMessage, response: ServerResponse, url: URL, token: string, access: HostAccess): void {
  const cookie = request.method === 'GET' ? access.redeem(token) : null
  if (cookie === null && !access.admits(request.headers.cookie)) return send(response, 401, 'text/html; charset=utf-8', request.method === 'HEAD' ? '' : notSignedInPage)
  url.searchParams.delete(loginTokenParam)
  response.writeHead(303, {
    ...appResponseHeaders,
    ...(cookie === null ? {} : { 'set-cookie': cookie }),
    location: `${url.pathname}${url.search}`,
    'cache-control': 'no-store',
    'content-length': 0
  })
  response.end()
}

async function invoke(request: IncomingMessage, response: ServerResponse, context: HostContext): Promise<void> {
  const json = 'application/json; charset=utf-8'
  if (request.method !== 'POST') return send(response, 405, json, failure('VALIDATION', 'Use POST.'))
  // A browser always names the origin of a POST; a missing one means a non-browser or a stripped request.
  if (request.headers.origin !== context.origin) return send(response, 403, json, failure('FORBIDDEN', 'Forbidden origin.'))
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, json, failure('VALIDATION', 'Send JSON.'))

  let text: string
  try {
    text = await readBody(request)
  } catch {
    response.setHeader('connection', 'close')
    return send(response, 413, json, failure('VALIDATION', 'The request body is larger than 2 MiB.'))
  }
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch {
    return send(response, 400, json, failure('VALIDATION', 'The request body is not JSON.'))
  }
  const { channel, input } = typeof payload === 'object' && payload !== null ? (payload as { channel?: unknown; input?: unknown }) : {}
  const result = await dispatch(context.desk.table, channel, input, { log: context.log })
  return send(response, 200, json, JSON.stringify(result))
}

function failure(code: 'VALIDATION' | 'FORBIDDEN' | 'UNAUTHORIZED', message: string): string {
  return JSON.stringify({ ok: false, error: new DeskError(code, message).toShape() })
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        // Stop buffering; the 413 answer closes the connection.
        request.removeAllListeners('data')
        request.resume()
        reject(new Error('body too large'))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

export function injectShim(html: string): string {
  const script = html.search(/<script\b/i)
  if (script >= 0) return `${html.slice(0, script)}${shimTag}\n    ${html.slice(script)}`
  const headEnd = html.search(/<\/head>/i)
  return headEnd >= 0 ? `${html.slice(0, headEnd)}${shimTag}\n${html.slice(headEnd)}` : `${shimTag}\n${html}`
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, cacheControl = 'no-store'): void {
  response.writeHead(status, {
    ...appResponseHeaders,
    'content-type': contentType,
    'cache-control': cacheControl,
    'content-length': Buffer.byteLength(body)
  })
  response.end(body)
}

let shimBundle: Promise<string> | null = null

/** Bundled once per process: every host serves the same shim, and esbuild takes a good part of a second under load. */
function bundleShim(): Promise<string> {
  shimBundle ??= buildShim().catch((error: unknown) => {
    shimBundle = null
    throw error
  })
  return shimBundle
}

async function buildShim(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'test/browser-host/shim-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent'
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('esbuild produced no shim')
  return output.text
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolvePort((server.address() as AddressInfo).port)
    })
  })
}

function hostLogger(): Logger {
  const console = createConsoleLogger('browser host')
  return { info: () => {}, warn: console.warn, error: console.error }
}
