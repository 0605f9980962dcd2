import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { companyDetail, companyId, companyListQuery, companyPage, companyPaths, websiteList } from '../../../shared/companies'
import { DeskError } from '../../../shared/errors'
import { getCompanyDetail, listWebsites } from '../../domain/companies/detail'
import { listCompanies } from '../../domain/companies/list'
import type { RouteDeps } from '../app'
import { operatorGuard } from '../operator-guard'
import { requirePermission } from '../request-context'

export type CompanyRouteDeps = Pick<RouteDeps, 'db' | 'auth'>

const bearer = [{ bearerAuth: [] }]

export const companyRoutes: FastifyPluginAsyncZod<CompanyRouteDeps> = async (app, { db, auth }) => {
  const requireOperator = operatorGuard(auth)

  app.get(
    companyPaths.companies,
    {
      onRequest: [requireOperator, requirePermission('companies.read')],
      schema: {
        tags: ['companies'],
        summary: 'List companies by name: search by name or VAT, keyset pages',
        security: bearer,
        querystring: companyListQuery,
        response: { 200: companyPage, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody }
      }
    },
    async (request) => listCompanies(db, request.query)
  )

  app.get(
    `${companyPaths.companies}/:id`,
    {
      onRequest: [requireOperator, requirePermission('companies.read')],
      schema: {
        tags: ['companies'],
        summary: 'One company with its websites, documents and users subtab (name, username, website, status)',
        security: bearer,
        params: z.object({ id: companyId }),
        response: { 200: companyDetail, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody, 404: apiErrorBody }
      }
    },
    async (request) => {
      const company = await getCompanyDetail(db, request.params.id)
      if (!company) throw new DeskError('NOT_FOUND', 'There is no company with this id.')
      return company
    }
  )

  app.get(
    companyPaths.websites,
    {
      onRequest: [requireOperator, requirePermission('websites.read')],
      schema: {
        tags: ['companies'],
        summary: 'Every portal website, by name',
        security: bearer,
        response: { 200: websiteList, 401: apiErrorBody, 403: apiErrorBody }
      }
    },
    async () => ({ items: await listWebsites(db) })
  )
}
