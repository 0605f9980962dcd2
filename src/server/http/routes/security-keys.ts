import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiKeyList, deleteResult, paymentMethodList, revokeResult, securityRecordId } from '../../../shared/security'
import { listUserApiKeys, revokeUserApiKey } from '../../domain/security/api-keys'
import { deletePaymentMethod, listPaymentMethods } from '../../domain/security/payment-methods'
import { operatorGuard } from '../operator-guard'
import { authorizeOnUser, bearer, includeRevoked, noBody, noQuery, refusals, securityTag, userParams, writeRefusals, type SecurityRouteDeps } from './security-common'

/** API keys and stored payment methods of one user: operators list and remove, never create or edit. */
export const keyRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, { db, auth, clock }) => {
  const requireOperator = operatorGuard(auth)

  app.get(
    '/api/v1/users/:id/api-keys',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: "The user's API keys: description, scope, prefix, created, expires, last used (never the key or its hash)",
        description: 'Revoked keys only with includeRevoked=true. Support: portal users only.',
        security: bearer,
        params: userParams,
        querystring: includeRevoked,
        response: { 200: apiKeyList, ...refusals }
      }
    },
    async (request) => {
      const { target } = await authorizeOnUser(db, clock, request, request.params.id, 'apiKeys.read')
      return listUserApiKeys(db, target.id, { includeRevoked: request.query.includeRevoked === 'true' })
    }
  )

  app.delete(
    '/api/v1/users/:id/api-keys/:kid',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Revoke one of the user\'s API keys',
        description: 'Administrators only. 404 when the user has no key with this id, 409 when it was already revoked.',
        security: bearer,
        params: userParams.extend({ kid: securityRecordId }),
        body: noBody,
        response: { 200: revokeResult, ...writeRefusals }
      }
    },
    async (request) => {
      const { target, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'apiKeys.revoke')
      return revokeUserApiKey(db, { userId: target.id, keyId: request.params.kid, audit })
    }
  )

  app.get(
    '/api/v1/users/:id/payment-methods',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: "The user's payment methods: brand, •••• 1234, expiry, added (no edit, by design: the user re-enters a card)",
        description: 'Support: portal users only.',
        security: bearer,
        params: userParams,
        querystring: noQuery,
        response: { 200: paymentMethodList, ...refusals }
      }
    },
    async (request) => {
      const { target } = await authorizeOnUser(db, clock, request, request.params.id, 'paymentMethods.read')
      return listPaymentMethods(db, target.id, clock.now())
    }
  )

  app.delete(
    '/api/v1/users/:id/payment-methods/:pmid',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Delete one of the user\'s payment methods',
        description: 'Administrators only. 404 when the user has no payment method with this id.',
        security: bearer,
        params: userParams.extend({ pmid: securityRecordId }),
        body: noBody,
        response: { 200: deleteResult, ...refusals }
      }
    },
    async (request) => {
      const { target, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'paymentMethods.delete')
      return deletePaymentMethod(db, { userId: target.id, paymentMethodId: request.params.pmid, audit })
    }
  )
}
