import type { UserListItem } from '../../../shared/users'
import { mailboxRoute } from '../mail/mailbox-route'

/** The user actions the palette offers on the user in view. */
export const paletteUserActions = ['sendResetLink', 'revokeSessions', 'invite2fa'] as const
export type PaletteUserAction = (typeof paletteUserActions)[number]

export const paletteScreens = [
  { key: 'users', path: '/users' },
  { key: 'companies', path: '/companies' },
  { key: 'helpdesk', path: '/helpdesk' },
  { key: 'account', path: '/account' },
  // Offered only while the connected portal has a local mailbox (CommandPalette checks).
  { key: 'mailbox', path: mailboxRoute }
] as const
export type PaletteScreen = (typeof paletteScreens)[number]

export type PaletteCommand =
  | { kind: 'action'; id: string; action: PaletteUserAction; label: string }
  | { kind: 'screen'; id: string; path: string; label: string }
  | { kind: 'user'; id: string; user: UserListItem; label: string }

/** Whether every word typed appears in the label, ignoring case: "reset link" finds "Send password reset link". */
export function matchesText(label: string, text: string): boolean {
  const haystack = label.toLocaleLowerCase()
  return text
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

/** The id of the user whose page is open (`#/users/:id…`), else null. */
export function userInView(pathname: string): number | null {
  const match = /^\/users\/(\d+)(?:\/|$)/.exec(pathname)
  return match ? Number(match[1]) : null
}

interface CommandSources {
  text: string
  /** Translated labels, in display order. */
  actions: readonly { action: PaletteUserAction; label: string }[]
  screens: readonly { screen: PaletteScreen; label: string }[]
  users: readonly UserListItem[]
}

/**
 * The palette's list: actions on the user in view, then screens, both filtered by the words typed,
 * then the users the server found for the text. With nothing typed, actions and screens only.
 */
export function paletteCommands({ text, actions, screens, users }: CommandSources): PaletteCommand[] {
  const trimmed = text.trim()
  return [
    ...actions.filter((entry) => matchesText(entry.label, trimmed)).map((entry): PaletteCommand => ({ kind: 'action', id: `action:${entry.action}`, action: entry.action, label: entry.label })),
    ...screens.filter((entry) => matchesText(entry.label, trimmed)).map((entry): PaletteCommand => ({ kind: 'screen', id: `screen:${entry.screen.key}`, path: entry.screen.path, label: entry.label })),
    ...(trimmed ? users : []).map((user): PaletteCommand => ({ kind: 'user', id: `user:${user.id}`, user, label: user.name }))
  ]
}
