import { endpoints } from '../../../shared/endpoints'
import type { SessionService } from '../../session/desk-session'
import { forwarder } from '../forward'
import type { HandlerTable } from '../handler-table'

type CompanyHandlers = Pick<HandlerTable, 'companies:list' | 'companies:get' | 'websites:list'>

/** Companies (Prim.io's contractor file) and the portal websites. */
export function companyHandlers(session: SessionService): CompanyHandlers {
  const forward = forwarder(session)
  return {
    'companies:list': forward(endpoints.listCompanies, (query) => ({ query })),
    'companies:get': forward(endpoints.getCompany, ({ id }) => ({ params: { id } })),
    'websites:list': forward(endpoints.listWebsites, () => ({}))
  }
}
