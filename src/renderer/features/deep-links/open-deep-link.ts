import { deskRoutePath, type DeepLinkRefusal, type DeskLink } from '../../../shared/deep-links'
import type { SessionState } from '../../../shared/session'

export type DeepLinkPlan = { ok: true; path: string; connectionId: string | null } | { ok: false; reason: DeepLinkRefusal }

/**
 * What opening a link takes: the hash route to go to, and the connection to switch to first (null when
 * the link names none, or the one already active). The route then waits in the address while the
 * sign-in screen shows, and opens once the operator has signed in.
 */
export function planDeepLink(link: DeskLink, session: Pick<SessionState, 'connections' | 'activeConnectionId'>): DeepLinkPlan {
  const path = deskRoutePath(link.route)
  if (link.connection === undefined) return { ok: true, path, connectionId: null }
  const named = session.connections.filter((profile) => profile.name === link.connection)
  const [profile] = named
  if (named.length !== 1 || !profile) return { ok: false, reason: 'unknownConnection' }
  return { ok: true, path, connectionId: profile.id === session.activeConnectionId ? null : profile.id }
}
