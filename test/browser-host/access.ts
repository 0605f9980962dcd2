import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Who may use a browser host: only the browser that opened one of its one-time login URLs (the way
 * Jupyter's token login works). Opening `/?token=<one-time>` trades the token for a session cookie;
 * every other request then needs that cookie. No secret is ever served to a page.
 */
export interface HostAccess {
  /** The name of the session cookie: one per port, because cookies are not kept apart by port. */
  readonly cookieName: string
  /** A fresh `<origin>/?token=<one-time>` URL; each one signs in one browser, once. */
  loginUrl(): string
  /** The `Set-Cookie` value for a valid, unused login token (which is then used up); null otherwise. */
  redeem(token: string): string | null
  /** Whether a request's Cookie header carries this run's session secret. */
  admits(cookieHeader: string | undefined): boolean
}

export const loginTokenParam = 'token'

function secret(): string {
  return randomBytes(32).toString('base64url')
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function createHostAccess(origin: string): HostAccess {
  const sessionSecret = secret()
  const unused = new Set<string>()
  const cookieName = `portaldesk-host-${new URL(origin).port}`
  return {
    cookieName,
    loginUrl() {
      const token = secret()
      unused.add(token)
      return `${origin}/?${loginTokenParam}=${token}`
    },
    redeem(token) {
      // Each unused token is compared in constant time, so that a guess learns nothing from the timing.
      let match: string | null = null
      for (const candidate of unused) if (sameSecret(token, candidate)) match = candidate
      if (match === null) return null
      unused.delete(match)
      // HttpOnly: page scripts (and an injected one) cannot read it. SameSite=Strict: no other site's
      // page or link sends it. No `Secure`: the host speaks plain http on 127.0.0.1, where a browser
      // would then never send it back; loopback traffic does not leave the machine.
      return `${cookieName}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`
    },
    admits(cookieHeader) {
      if (cookieHeader === undefined) return false
      for (const part of cookieHeader.split(';')) {
        const separator = part.indexOf('=')
        if (separator < 0 || part.slice(0, separator).trim() !== cookieName) continue
        if (sameSecret(part.slice(separator + 1).trim(), sessionSecret)) return true
      }
      return false
    }
  }
}

/** What a browser without the cookie sees: how to open the desk, and nothing of it. */
export const notSignedInPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>PortalDesk: open the desk from its URL</title></head>
<body>
<h1>This browser has not opened the desk</h1>
<p>The desk served here belongs to the browser that opened its one-time URL. To open it, run
<code>npm start</code> (or <code>npm run preview:browser</code>) and open the URL it prints,
<code>http://127.0.0.1:&lt;port&gt;/?token=…</code>. Each URL works once: if it was used already,
stop the desk with Ctrl+C and start it again.</p>
<h1 lang="zh-CN">此浏览器尚未打开工作台</h1>
<p lang="zh-CN">这里提供的工作台只属于打开了其一次性网址的浏览器。请运行 <code>npm start</code>（或
<code>npm run preview:browser</code>），然后打开它输出的网址 <code>http://127.0.0.1:&lt;端口&gt;/?token=…</code>。
每个网址只能使用一次：如果已被使用，请按 Ctrl+C 停止工作台后重新启动。</p>
</body>
</html>
`
