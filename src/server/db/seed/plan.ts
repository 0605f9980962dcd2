import { planCompanies, type CompanySeed } from './companies'
import { internalUsers, portalUserBatches, UniqueNames, type UserSeed } from './people'
import { createRandom } from './random'

export const defaultSeed = 'portaldesk'
export const defaultPortalUsers = 500

export interface WebsiteSeed {
  id: number
  name: string
  url: string
  host: string
  companyId: number
}

export interface DemoDataPlan {
  companies: CompanySeed[]
  websites: WebsiteSeed[]
  internalUsers: UserSeed[]
  portalUserCount: number
  /** Portal users in batches, generated lazily so that a million rows never sit in memory at once. */
  portalUsers(batchSize: number): Generator<UserSeed[]>
}

/**
 * The demo data set as plain values: the same seed, user count and day give the same data.
 * `now` anchors the sign-in and creation dates ("signed in 3 days ago").
 */
export function planDemoData(options: { seed: string; portalUsers: number; now: Date }): DemoDataPlan {
  const random = createRandom(options.seed)
  const companies = planCompanies(random, options.portalUsers)
  const websites = companies.map((company) => {
    const host = `portal.${company.domain}`
    return { id: company.id, name: `${company.shortName} Customer Portal`, url: `https://${host}`, host, companyId: company.id }
  })
  const logins = new UniqueNames()
  const emails = new UniqueNames()
  const staff = internalUsers(random, options.now, logins, emails)
  return {
    companies,
    websites,
    internalUsers: staff,
    portalUserCount: options.portalUsers,
    portalUsers: (batchSize) =>
      portalUserBatches({ random, now: options.now, companies, logins, emails }, options.portalUsers, staff.length + 1, batchSize)
  }
}
