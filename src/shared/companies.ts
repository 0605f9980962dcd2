import { z } from 'zod'
import { pageLimit, pathId } from './numbers'

/** Companies (the "contractors" users belong to) and the portal websites users register on. */

const id = z.number().int().positive()

export const companyListLimit = { min: 1, max: 200, default: 50 } as const

/** GET /api/v1/companies: search by name or VAT, sorted by name, keyset pages. */
export const companyListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: pageLimit(companyListLimit),
  cursor: z.string().min(1).max(1000).optional()
})
export type CompanyListQuery = z.input<typeof companyListQuery>
export type ParsedCompanyListQuery = z.output<typeof companyListQuery>

export const companySummary = z.object({
  id,
  name: z.string(),
  vat: z.string().nullable(),
  country: z.string().length(2).nullable(),
  /** Users of the company, active and archived. */
  userCount: z.number().int().nonnegative(),
  /** Invoices or orders were issued for the company: its users' country, company name and VAT are locked. */
  documentLocked: z.boolean()
})
export type CompanySummary = z.infer<typeof companySummary>

export const companyPage = z.object({
  items: z.array(companySummary),
  nextCursor: z.string().nullable()
})
export type CompanyPage = z.infer<typeof companyPage>

export const companyId = pathId

export const companyUserStatuses = ['active', 'archived', 'deleted'] as const

/** One row of the company's users subtab. */
export const companyUser = z.object({
  id,
  name: z.string(),
  /** The login. */
  username: z.string(),
  website: z.string().nullable(),
  status: z.enum(companyUserStatuses)
})
export type CompanyUser = z.infer<typeof companyUser>

/** How many users the subtab lists; the rest are one `GET /users?companyId=…&status=all` away. */
export const companyUsersShown = 200

export const websiteSummary = z.object({
  id,
  name: z.string(),
  url: z.string(),
  companyId: id.nullable(),
  company: z.string().nullable()
})
export type WebsiteSummary = z.infer<typeof websiteSummary>

export const companyDetail = companySummary.extend({
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  documents: z.object({ invoices: z.number().int().nonnegative(), orders: z.number().int().nonnegative() }),
  websites: z.array(websiteSummary),
  /** The first users by name (at most `companyUsersShown`); `userCount` tells whether there are more. */
  users: z.array(companyUser)
})
export type CompanyDetail = z.infer<typeof companyDetail>

export const websiteList = z.object({ items: z.array(websiteSummary) })
export type WebsiteList = z.infer<typeof websiteList>

