import { z } from 'zod'

export const userKinds = ['portal', 'internal'] as const
export const userKind = z.enum(userKinds)
export type UserKind = z.infer<typeof userKind>

export const operatorRoles = ['administrator', 'support'] as const
export const internalRoles = ['administrator', 'support', 'user'] as const
export const internalRole = z.enum(internalRoles)
export type InternalRole = z.infer<typeof internalRole>

export const userSortKeys = ['name', 'login', 'email', 'company', 'lastSignInAt'] as const
export type UserSortKey = (typeof userSortKeys)[number]
/** `name` sorts ascending, `-name` descending. */
export const userSort = z.enum([...userSortKeys, ...userSortKeys.map((k) => `-${k}` as const)] as [
  `${UserSortKey}` | `-${UserSortKey}`,
  ...(`${UserSortKey}` | `-${UserSortKey}`)[]
])
export type UserSort = z.infer<typeof userSort>

export const userListLimit = { min: 1, max: 200, default: 50 } as const

/** Query of GET /api/v1/users and of the `users:list` channel. Numbers may arrive as strings (query string). */
export const userListQuery = z.object({
  kind: z.enum(['portal', 'internal', 'all']).default('all'),
  q: z.string().trim().max(200).optional(),
  sort: userSort.default('name'),
  limit: z.coerce.number().int().min(userListLimit.min).max(userListLimit.max).default(userListLimit.default),
  /** Opaque keyset cursor returned as `nextCursor` by the previous page. */
  cursor: z.string().min(1).max(1000).optional()
})
export type UserListQuery = z.input<typeof userListQuery>
export type ParsedUserListQuery = z.output<typeof userListQuery>

const isoDateTime = z.iso.datetime({ offset: true })

export const userListItem = z.object({
  id: z.number().int().positive(),
  kind: userKind,
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  active: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  version: z.number().int().nonnegative()
})
export type UserListItem = z.infer<typeof userListItem>

export const userFacets = z.object({
  kind: z.object({ portal: z.number().int().nonnegative(), internal: z.number().int().nonnegative() })
})
export type UserFacets = z.infer<typeof userFacets>

export const userListPage = z.object({
  items: z.array(userListItem),
  nextCursor: z.string().nullable(),
  facets: userFacets
})
export type UserListPage = z.infer<typeof userListPage>

export const userId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** The read-only detail of the walking skeleton; the full form grows it. */
export const userDetail = userListItem.extend({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: internalRole.nullable(),
  language: z.enum(['en', 'zh-CN']),
  city: z.string().nullable(),
  country: z.string().length(2).nullable(),
  companyId: z.number().int().positive().nullable(),
  websiteId: z.number().int().positive().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime
})
export type UserDetail = z.infer<typeof userDetail>
