/**
 * The only door to the operating system's browser. A link leaves the app when it is https, carries no
 * credentials and names a host on the allowlist; everything else is refused (and the caller is told).
 */
export interface ExternalLinkPolicy {
  /** Exact host names (no wildcard) that may be opened, for example the hosts of https portal connections. */
  allowedHosts(): readonly string[]
  /**
   * Exact origins (scheme, host and port) that may be opened too: the embedded portal's own loopback
   * address while it runs, so that the Local mailbox can follow its reset and invitation links.
   */
  allowedOrigins?(): readonly string[]
  /** Electron's shell.openExternal in the app; a recorder in tests. */
  open(url: string): Promise<void>
}

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[], allowedOrigins: readonly string[] = []): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (allowedOrigins.includes(parsed.origin)) return true
  if (parsed.protocol !== 'https:') return false
  if (parsed.port !== '') return false
  const host = parsed.hostname.toLowerCase()
  return allowedHosts.some((allowed) => allowed.toLowerCase() === host)
}

export async function openExternal(url: string, policy: ExternalLinkPolicy): Promise<boolean> {
  if (!isAllowedExternalUrl(url, policy.allowedHosts(), policy.allowedOrigins?.() ?? [])) return false
  await policy.open(new URL(url).href)
  return true
}
