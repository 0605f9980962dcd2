import type { AuditContext } from '../../../shared/ipc/audit-context'
import type { DeskClient } from '../../../shared/ipc/desk-api'

/** The login the server holds for the user, and the version it was read at. */
export interface ServerLogin {
  login: string
  version: number
}

export interface CredentialsChange {
  login: string
  password: string
  mustChange: boolean
  notify: boolean
}

/**
 * Prim.io's "new username and password": the username first (`users:update` with the version that
 * was read; the server may ask for a re-authentication), then the password (`security:set-password`,
 * which signs the user out everywhere). `onRenamed` reports a rename as soon as the server took it,
 * so that a retry after a failed second step (or after re-authenticating) does not rename twice.
 */
export async function changeCredentials(
  desk: DeskClient,
  userId: number,
  current: ServerLogin,
  change: CredentialsChange,
  audit: AuditContext,
  onRenamed: (applied: ServerLogin) => void
): Promise<{ renamed: boolean }> {
  const login = change.login.trim()
  const renamed = login !== current.login
  if (renamed) {
    const updated = await desk.users.update({ id: userId, patch: { login, version: current.version }, audit })
    onRenamed({ login: updated.login, version: updated.version })
  }
  await desk.security.setPassword({ id: userId, password: change.password, mustChange: change.mustChange, notify: change.notify, audit })
  return { renamed }
}
