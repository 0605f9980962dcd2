import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import { deleteResult, passkeyList, securityRecordId, twoFactorDisableResult, twoFactorInviteResult } from '../../../shared/security'
import { recipientMailLimitNote } from '../../domain/mail/recipient-limit'
import { listPasskeys, revokePasskey } from '../../domain/security/passkeys'
import { disableTwoFactor, inviteToTwoFactor } from '../../domain/security/two-factor'
import { operatorGuard } from '../operator-guard'
import { authorizeOnUser, bearer, noBody, noQuery, refusals, securityTag, userParams, writeRefusals, type SecurityRouteDeps } from './security-common'

/** Two-factor authentication and passkeys of one user, as operators manage them (never create them). */
export const twoFactorRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, { db, auth, clock }) => {
  const requireOperator = operatorGuard(auth)

  app.post(
    '/api/v1/users/:id/2fa/invite',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Email the user an invitation to turn on two-factor authentication',
        description: `409 when 2FA is already on, the account is archived, or the user has no email address. ${recipientMailLimitNote} Support: portal users only, with X-Ticket-Ref.`,
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: twoFactorInviteResult, ...writeRefusals, 429: apiErrorBody }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'twoFactor.invite')
      return inviteToTwoFactor(db, { userId: target.id, audit, callerSessionId: context.sessionId })
    }
  )

  app.delete(
    '/api/v1/users/:id/2fa',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Turn two-factor authentication off for a lost device: clears TOTP, signs the user out everywhere, emails them',
        description: 'Needs a re-verified session (POST /auth/reauth), else 403 REAUTH_REQUIRED. 409 when 2FA is not on. Support: portal users only, with X-Ticket-Ref.',
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: twoFactorDisableResult, ...writeRefusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'twoFactor.disable')
      return disableTwoFactor(db, { userId: target.id, audit, callerSessionId: context.sessionId })
    }
  )

  app.get(
    '/api/v1/users/:id/passkeys',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: "The user's passkeys: name, created, last used",
        security: bearer,
        params: userParams,
        querystring: noQuery,
        response: { 200: passkeyList, ...refusals }
      }
    },
    async (request) => {
      const { target } = await authorizeOnUser(db, clock, request, request.params.id, 'passkeys.read')
      return listPasskeys(db, target.id)
    }
  )

  app.delete(
    '/api/v1/users/:id/passkeys/:pid',
    {
      onRequest: requireOperator,
      schema: {
        tags: securityTag,
        summary: 'Revoke one of the user\'s passkeys (operators may revoke passkeys, never create them)',
        description: 'Administrators only. 404 when the user has no passkey with this id.',
        security: bearer,
        params: userParams.extend({ pid: securityRecordId }),
        body: noBody,
        response: { 200: deleteResult, ...refusals }
      }
    },
    async (request) => {
      const { target, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'passkeys.revoke')
      return revokePasskey(db, { userId: target.id, passkeyId: request.params.pid, audit })
    }
  )
}
