import { companyDetail, companyId, companyListQuery, companyPage, websiteList } from '../companies'
import { z } from 'zod'
import { defineEndpoint } from './define'

const tags = ['companies']

export const listCompanies = defineEndpoint({
  method: 'GET',
  path: '/api/v1/companies',
  query: companyListQuery,
  response: companyPage,
  auth: 'operator',
  permission: 'companies.read',
  refusals: [],
  errors: [400, 401, 403],
  tags,
  summary: 'List companies by name: search by name or VAT, keyset pages'
})

export const getCompany = defineEndpoint({
  method: 'GET',
  path: '/api/v1/companies/:id',
  params: z.object({ id: companyId }),
  response: companyDetail,
  auth: 'operator',
  permission: 'companies.read',
  refusals: [],
  errors: [400, 401, 403, 404],
  tags,
  summary: 'One company with its websites, documents and users subtab (name, username, website, status)'
})

export const listWebsites = defineEndpoint({
  method: 'GET',
  path: '/api/v1/websites',
  response: websiteList,
  auth: 'operator',
  permission: 'websites.read',
  refusals: [],
  errors: [401, 403],
  tags,
  summary: 'Every portal website, by name'
})
