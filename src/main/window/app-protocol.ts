import { appHost, appScheme } from './app-origin'
import { appResponseHeaders } from './csp'
import { readRendererFile } from './renderer-files'

/**
 * The handler behind `protocol.handle('app', …)`: GET/HEAD of app://portaldesk/… from out/renderer,
 * every response with the CSP. Written against the Fetch API so Node can test it.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return plain(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const file = await readRendererFile(rendererDir, url.pathname)
    const headers = { ...appResponseHeaders, 'content-type': file.contentType, 'cache-control': file.isIndex ? 'no-store' : 'no-cache' }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: file.status, headers })
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...appResponseHeaders, 'content-type': 'text/plain; charset=utf-8' } })
}

/** What `protocol.registerSchemesAsPrivileged` needs to make app:// behave like an https origin. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false }
} as const
