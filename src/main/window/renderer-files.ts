import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

/**
 * Serving the built renderer (out/renderer) safely, shared by the app:// protocol handler and the
 * browser host: a request path resolves inside the renderer folder or not at all.
 */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file a URL path names inside `rendererDir`, or null when the path is malformed or would leave
 * the folder (`..`, encoded `%2e%2e`/`%2f`, backslashes, NUL bytes).
 */
export function resolveRendererPath(rendererDir: string, urlPathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const root = resolve(rendererDir)
  const target = resolve(root, `.${sep}${decoded.replace(/^\/+/, '')}`)
  if (target !== root && !target.startsWith(root + sep)) return null
  return target === root ? resolve(root, 'index.html') : target
}

export interface RendererFile {
  status: 200 | 404
  contentType: string
  body: Buffer
  isIndex: boolean
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

const notFound: RendererFile = { status: 404, contentType: 'text/plain; charset=utf-8', body: Buffer.from('Not found'), isIndex: false }

/**
 * Reads what a path of the app names. A path without a file extension that names no file is a
 * client-side route, so it gets index.html (single-page fallback); a missing asset gets 404.
 */
export async function readRendererFile(rendererDir: string, urlPathname: string): Promise<RendererFile> {
  const target = resolveRendererPath(rendererDir, urlPathname)
  if (!target) return notFound
  const index = resolve(rendererDir, 'index.html')
  let path = target
  if (!(await isFile(target))) {
    if (extname(target) !== '' || !(await isFile(index))) return notFound
    path = index
  }
  return { status: 200, contentType: contentTypeFor(path), body: await readFile(path), isIndex: path === index }
}
