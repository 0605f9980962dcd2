import { z } from 'zod'
import { auditListQuery, auditPage } from '../../audit'
import { paymentMethodList, securityRecordId, deleteResult } from '../../security'
import { signInList } from '../../security'
import { avatarMaxBytes, avatarTypes, userCreateRequest, userDetail, userId, userListPage, userListQuery, userUpdateRequest } from '../../users'
import { auditContext } from '../audit-context'

const maxVersion = 2_147_483_647
/** Base64 of at most `avatarMaxBytes` bytes. */
const base64Image = z
  .string()
  .max(Math.ceil(avatarMaxBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.')

/** The avatar as the renderer can show it: a data: URL (the image needs the bearer token to fetch). */
export const avatarImage = z.object({ dataUrl: z.string().nullable() })
export type AvatarImage = z.infer<typeof avatarImage>

/** Channels of one user's record: read, create, edit, lifecycle, avatar, payment methods, timeline. */
export const userChannels = {
  'users:list': { input: userListQuery, output: userListPage },
  'users:get': { input: z.object({ id: userId }), output: userDetail },
  'users:create': { input: z.object({ user: userCreateRequest, audit: auditContext }), output: userDetail },
  /** A stale `patch.version` is refused with CONFLICT (details carry `currentVersion`). */
  'users:update': { input: z.object({ id: userId, patch: userUpdateRequest, audit: auditContext }), output: userDetail },
  'users:archive': { input: z.object({ id: userId, version: z.number().int().min(1).max(maxVersion).optional(), audit: auditContext }), output: userDetail },
  'users:restore': { input: z.object({ id: userId, version: z.number().int().min(1).max(maxVersion).optional(), audit: auditContext }), output: userDetail },
  /** Odoo's account deletion: the login becomes `__deleted_user_<id>`; optionally block-lists email and phone. */
  'users:delete': { input: z.object({ id: userId, blocklist: z.boolean(), audit: auditContext }), output: userDetail },
  'users:avatar': { input: z.object({ id: userId }), output: avatarImage },
  'users:set-avatar': {
    input: z.object({ id: userId, contentType: z.enum(avatarTypes), base64: base64Image, audit: auditContext }),
    output: userDetail
  },
  'users:remove-avatar': { input: z.object({ id: userId, audit: auditContext }), output: userDetail },
  'users:payment-methods': { input: z.object({ id: userId }), output: paymentMethodList },
  'users:delete-payment-method': { input: z.object({ id: userId, paymentMethodId: securityRecordId, audit: auditContext }), output: deleteResult },
  'users:sign-ins': { input: z.object({ id: userId }), output: signInList },
  /** One user's audit timeline: the audit query, with the user required. */
  'users:audit': {
    input: auditListQuery.refine((query) => query.userId !== undefined, { message: 'userId is required', path: ['userId'] }),
    output: auditPage
  }
} as const
