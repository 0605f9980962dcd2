import type { TFunction } from 'i18next'
import type { ConnectionProfile } from '../../shared/connections'
import type { SessionState } from '../../shared/session'

/** The embedded portal is named in the operator's language; remote ones keep the name they were given. */
export function connectionLabel(profile: ConnectionProfile, t: TFunction): string {
  return profile.kind === 'embedded' ? t('connection.localPortal') : profile.name
}

export function activeConnection(session: SessionState | undefined): ConnectionProfile | null {
  if (!session?.activeConnectionId) return null
  return session.connections.find((profile) => profile.id === session.activeConnectionId) ?? null
}
