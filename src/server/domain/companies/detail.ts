import { sql, type Kysely } from 'kysely'
import { companyUsersShown, type CompanyDetail, type WebsiteSummary } from '../../../shared/companies'
import type { Database } from '../../db/schema'
import { companySummaryColumns, toCompanySummary } from './list'

const maxInt4 = 2_147_483_647

/** GET /companies/:id: the company, its websites, its documents count and its users subtab; null when unknown. */
export async function getCompanyDetail(db: Kysely<Database>, id: number): Promise<CompanyDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > maxInt4) return null
  const company = await db
    .selectFrom('companies as c')
    .select([...companySummaryColumns, 'c.created_at', 'c.updated_at'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!company) return null
  const [documents, websites, users] = await Promise.all([
    db
      .selectFrom('documents')
      .select([sql<number>`count(*) filter (where kind = 'invoice')::int`.as('invoices'), sql<number>`count(*) filter (where kind = 'order')::int`.as('orders')])
      .where('company_id', '=', id)
      .executeTakeFirstOrThrow(),
    listWebsites(db, id),
    db
      .selectFrom('users as u')
      .leftJoin('websites as w', 'w.id', 'u.website_id')
      .select(['u.id', 'u.name', 'u.login', 'w.name as website', 'u.active', 'u.deleted_at'])
      .where('u.company_id', '=', id)
      .orderBy(sql`lower(u.name)`)
      .orderBy('u.id')
      .limit(companyUsersShown)
      .execute()
  ])
  return {
    ...toCompanySummary(company),
    createdAt: company.created_at.toISOString(),
    updatedAt: company.updated_at.toISOString(),
    documents,
    websites,
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      username: u.login,
      website: u.website,
      status: u.deleted_at !== null ? 'deleted' : u.active ? 'active' : 'archived'
    }))
  }
}

/** GET /websites (every website, by name), or one company's websites. */
export async function listWebsites(db: Kysely<Database>, companyId?: number): Promise<WebsiteSummary[]> {
  let select = db
    .selectFrom('websites as w')
    .leftJoin('companies as c', 'c.id', 'w.company_id')
    .select(['w.id', 'w.name', 'w.url', 'w.company_id', 'c.name as company'])
  if (companyId !== undefined) select = select.where('w.company_id', '=', companyId)
  const rows = await select.orderBy(sql`lower(w.name)`).orderBy('w.id').execute()
  return rows.map((w) => ({ id: w.id, name: w.name, url: w.url, companyId: w.company_id, company: w.company }))
}
