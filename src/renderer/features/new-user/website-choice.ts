import type { WebsiteSummary } from '../../../shared/companies'

export interface WebsiteChoice {
  /** The websites offered. */
  websites: WebsiteSummary[]
  /** True when the company has websites of its own and only those are offered. */
  ofCompany: boolean
  /** The website to preselect: the only one offered, else none. */
  preselected: number | undefined
}

/**
 * The websites a new user of `companyId` may be placed on: the company's own when it has any (a
 * contractor's users sign in to its portal), else every website. One choice is made for the operator.
 */
export function websiteChoice(all: readonly WebsiteSummary[], companyId: number | undefined): WebsiteChoice {
  const own = companyId === undefined ? [] : all.filter((website) => website.companyId === companyId)
  const websites = own.length > 0 ? own : [...all]
  return { websites, ofCompany: own.length > 0, preselected: websites.length === 1 ? websites[0]?.id : undefined }
}
