import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { DeskError } from '../../../shared/errors'
import { getCompanyDetail, listWebsites } from '../../domain/companies/detail'
import { listCompanies } from '../../domain/companies/list'
import type { RouteDeps } from '../app'
import { registerEndpoint } from '../endpoint-route'

export type CompanyRouteDeps = Pick<RouteDeps, 'db' | 'auth' | 'clock'>

export const companyRoutes: FastifyPluginAsyncZod<CompanyRouteDeps> = async (app, deps) => {
  const { db } = deps

  registerEndpoint(app, deps, endpoints.listCompanies, async (request) => listCompanies(db, request.query))

  registerEndpoint(app, deps, endpoints.getCompany, async (request) => {
    const company = await getCompanyDetail(db, request.params.id)
    if (!company) throw new DeskError('NOT_FOUND', 'There is no company with this id.')
    return company
  })

  registerEndpoint(app, deps, endpoints.listWebsites, async () => ({ items: await listWebsites(db) }))
}
