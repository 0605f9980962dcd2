import { companyDetail, companyPage, companyPaths, websiteList } from '../../../shared/companies'
import type { SessionService } from '../../session/desk-session'
import type { HandlerTable } from '../handler-table'

const { companies, websites } = companyPaths

type CompanyHandlers = Pick<HandlerTable, 'companies:list' | 'companies:get' | 'websites:list'>

/** Companies (Prim.io's contractor file) and the portal websites. */
export function companyHandlers(session: SessionService): CompanyHandlers {
  return {
    'companies:list': (query) => {
      const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''))
      return session.call((client, token) => client.request(companyPage, { method: 'GET', url: companies, params }, token))
    },
    'companies:get': ({ id }) => session.call((client, token) => client.request(companyDetail, { method: 'GET', url: `${companies}/${id}` }, token)),
    'websites:list': () => session.call((client, token) => client.request(websiteList, { method: 'GET', url: websites }, token))
  }
}
