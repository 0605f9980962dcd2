import { avatarMaxBytes, avatarTypes } from '../../../shared/users'
import type { FieldProblem } from './field-validation'

export type AvatarType = (typeof avatarTypes)[number]

/** A picture chosen in the form, sent with Save (`users:set-avatar`), or the avatar's removal. */
export type StagedAvatar = { kind: 'set'; contentType: AvatarType; base64: string; dataUrl: string } | { kind: 'remove' }

export function isAvatarType(type: string): type is AvatarType {
  return (avatarTypes as readonly string[]).includes(type)
}

/** "312 KiB", "1.4 MiB": a size the operator can compare with the 1 MiB limit. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/**
 * What is wrong with a chosen file before anything is sent: the type PNG, JPEG or WebP and at most
 * 1 MiB, the server's own limits (it also checks the bytes themselves). Null when it may be sent.
 */
export function avatarFileProblem(file: { type: string; size: number }): FieldProblem | null {
  if (!isAvatarType(file.type)) return { key: 'avatarType' }
  if (file.size === 0) return { key: 'avatarEmpty' }
  if (file.size > avatarMaxBytes) return { key: 'avatarTooLarge', params: { size: describeSize(file.size) } }
  return null
}

/** The base64 part of a `data:<type>;base64,<data>` URL, as `users:set-avatar` takes it. */
export function base64OfDataUrl(dataUrl: string): string | null {
  const match = /^data:[^;,]+;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl)
  return match?.[1] ?? null
}
