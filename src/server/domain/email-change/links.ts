/** The public pages behind the two links of an email change, and how long each link works. */
export const emailChangePages = {
  /** Sent to the new address: confirming makes it the account's address. */
  confirm: '/confirm-email',
  /** Sent to the old address: undoing keeps it, ends every session and requires a new password. */
  undo: '/undo-email-change'
} as const

export type EmailChangePage = keyof typeof emailChangePages

export const confirmLinkTtlMs = 24 * 3_600_000
export const undoLinkTtlMs = 7 * 24 * 3_600_000

/** The link for an email; `publicUrl` is PUBLIC_URL (or the server's own address), never a Host header. */
export function emailChangePageUrl(publicUrl: string, page: EmailChangePage, token: string): string {
  return `${publicUrl}${emailChangePages[page]}?token=${token}`
}
