import { z } from 'zod'
import { companyDetail, companyId, companyListQuery, companyPage, websiteList } from '../../companies'

/** The companies list and page (Prim.io's contractor file) and the portal websites. */
export const companyChannels = {
  'companies:list': { input: companyListQuery, output: companyPage },
  'companies:get': { input: z.object({ id: companyId }), output: companyDetail },
  'websites:list': { input: z.void(), output: websiteList }
} as const
