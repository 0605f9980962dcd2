/**
 * The Content-Security-Policy sent with every app page. Styles allow inline because antd writes its
 * CSS-in-JS into <style> elements; scripts never do. connect-src stays 'self': the renderer talks to
 * main over IPC, never to a portal server directly.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'"
].join('; ')

/** Headers every app response carries, in Electron and in the browser host alike. */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin'
}
