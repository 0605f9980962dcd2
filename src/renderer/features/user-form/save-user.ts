import type { AuditContext } from '../../../shared/ipc/audit-context'
import { reasonMaxLength } from '../../../shared/ipc/audit-context'
import type { DeskClient } from '../../../shared/ipc/desk-api'
import type { UserDetail } from '../../../shared/users'
import type { StagedAvatar } from './avatar-file'
import { formValuesOf, hasChanges, patchOf, type UserFormValues } from './form-values'

export interface SaveRequest {
  /** The record the edit started from: its version goes with the change. */
  base: UserDetail
  values: UserFormValues
  avatar: StagedAvatar | null
  audit: AuditContext
}

/**
 * Saves the form: first the changed fields with the version that was read (a stale one is refused
 * with 409, so nothing is overwritten), then the avatar. `committed` hears each step the server
 * accepted, so that a failure of the second step leaves the first one saved and shown as saved.
 * Returns the user as the server has it now.
 */
export async function saveUser(desk: DeskClient, request: SaveRequest, committed: (detail: UserDetail, step: 'fields' | 'avatar') => void): Promise<UserDetail> {
  const { base, avatar, audit } = request
  let detail = base
  const patch = patchOf(formValuesOf(base), request.values)
  if (hasChanges(patch)) {
    detail = await desk.users.update({ id: base.id, patch: { ...patch, version: base.version }, audit })
    committed(detail, 'fields')
  }
  if (avatar?.kind === 'set') {
    detail = await desk.users.setAvatar({ id: base.id, contentType: avatar.contentType, base64: avatar.base64, audit })
    committed(detail, 'avatar')
  } else if (avatar?.kind === 'remove') {
    detail = await desk.users.removeAvatar({ id: base.id, audit })
    committed(detail, 'avatar')
  }
  return detail
}

/** Both audit contexts of one save (the lock override's and the confirmation's), reasons joined. */
export function mergeAudit(first: AuditContext, second: AuditContext): AuditContext {
  const ticketRef = second?.ticketRef ?? first?.ticketRef
  const reasons = [first?.reason, second?.reason].filter((reason): reason is string => Boolean(reason))
  const reason = [...new Set(reasons)].join(' — ').slice(0, reasonMaxLength)
  if (!ticketRef && !reason) return undefined
  return { ...(ticketRef ? { ticketRef } : {}), ...(reason ? { reason } : {}) }
}
