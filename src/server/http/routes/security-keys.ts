import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { listUserApiKeys, revokeUserApiKey } from '../../domain/security/api-keys'
import { deletePaymentMethod, listPaymentMethods } from '../../domain/security/payment-methods'
import { registerEndpoint } from '../endpoint-route'
import type { SecurityRouteDeps } from './security-common'

/** API keys and payment methods of one user: operators list and revoke, never create or edit. */
export const keyRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  registerEndpoint(app, deps, endpoints.listUserApiKeys, async (request, _reply, { target }) =>
    listUserApiKeys(db, target.id, { includeRevoked: request.query.includeRevoked === 'true' })
  )

  registerEndpoint(app, deps, endpoints.revokeUserApiKey, async (request, _reply, { target, audit }) =>
    revokeUserApiKey(db, { userId: target.id, keyId: request.params.kid, audit })
  )

  registerEndpoint(app, deps, endpoints.listUserPaymentMethods, async (_request, _reply, { target }) => listPaymentMethods(db, target.id, clock.now()))

  registerEndpoint(app, deps, endpoints.deleteUserPaymentMethod, async (request, _reply, { target, audit }) =>
    deletePaymentMethod(db, { userId: target.id, paymentMethodId: request.params.pmid, audit })
  )
}
