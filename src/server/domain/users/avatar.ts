import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import { avatarMaxBytes } from '../../../shared/users'
import type { AvatarTypeColumn, Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import { fieldChange } from '../audit/changes'
import { recordAudit, type AuditContext } from '../audit/record'
import { assertNotDeleted } from './fields'
import { lockUser, updateUserVersioned } from './versioned-update'
import { fieldRefusal } from '../refusal'

/**
 * The image type by its first bytes (never by the Content-Type the client claims): PNG's 8-byte
 * signature, JPEG's SOI marker, or a RIFF container of type WEBP. Null for anything else.
 */
export function sniffAvatarType(bytes: Uint8Array): AvatarTypeColumn | null {
  const starts = (signature: number[], offset = 0) => bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte)
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return null
}

const invalidAvatar = (message: string) => new DeskError('VALIDATION', message, [{ path: 'avatar', message }])

/** Stores a new avatar (PUT /users/:id/avatar) and records `avatar.set` (its type and size, not the bytes). */
export async function setAvatar(db: Kysely<Database>, id: number, bytes: Buffer, audit: AuditContext): Promise<void> {
  if (bytes.length === 0) throw fieldRefusal('VALIDATION', 'avatarEmpty', 'avatar', 'The avatar is empty; send a PNG, JPEG or WebP image.')
  if (bytes.length > avatarMaxBytes) throw invalidAvatar('The avatar is larger than 1 MiB.')
  const type = sniffAvatarType(bytes)
  if (!type) throw fieldRefusal('VALIDATION', 'avatarType', 'avatar', 'The avatar must be a PNG, JPEG or WebP image.')
  await withTransaction(db, async (trx) => {
    const before = await lockUser(trx, id)
    assertNotDeleted(before)
    await updateUserVersioned(trx, id, before.version, { avatar: bytes, avatar_type: type, avatar_updated_at: audit.at }, audit.at)
    await recordAudit(trx, audit, {
      action: 'avatar.set',
      targetUserId: id,
      changes: { avatar: fieldChange('avatar', before.avatar_type ? `${before.avatar_type}, ${before.avatar?.length ?? 0} bytes` : null, `${type}, ${bytes.length} bytes`) }
    })
  })
}

/** DELETE /users/:id/avatar; 404 when there is none. */
export async function removeAvatar(db: Kysely<Database>, id: number, audit: AuditContext): Promise<void> {
  await withTransaction(db, async (trx) => {
    const before = await lockUser(trx, id)
    if (!before.avatar_type) throw new DeskError('NOT_FOUND', 'This user has no avatar.')
    await updateUserVersioned(trx, id, before.version, { avatar: null, avatar_type: null, avatar_updated_at: null }, audit.at)
    await recordAudit(trx, audit, { action: 'avatar.remove', targetUserId: id, changes: { avatar: fieldChange('avatar', before.avatar_type, null) } })
  })
}

/** The stored avatar, or 404. */
export async function readAvatar(db: Kysely<Database>, id: number): Promise<{ bytes: Buffer; type: AvatarTypeColumn; updatedAt: Date | null }> {
  const row = await db.selectFrom('users').select(['avatar', 'avatar_type', 'avatar_updated_at']).where('id', '=', id).executeTakeFirst()
  if (!row) throw new DeskError('NOT_FOUND', 'There is no user with this id.')
  if (!row.avatar || !row.avatar_type) throw new DeskError('NOT_FOUND', 'This user has no avatar.')
  return { bytes: row.avatar, type: row.avatar_type, updatedAt: row.avatar_updated_at }
}
