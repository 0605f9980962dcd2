import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { apiErrorBody } from '../../../shared/api'
import {
  checkCodeRequest,
  codeSent,
  helpdeskPaths,
  knowledgeCheckRequest,
  personMatchList,
  personSearchQuery,
  remindUsernameResult,
  verification
} from '../../../shared/helpdesk'
import { searchPeople } from '../../domain/helpdesk/people'
import { remindUsername } from '../../domain/helpdesk/remind-username'
import { checkKnowledge, checkVerificationCode, sendVerificationCode } from '../../domain/helpdesk/verification'
import { recipientMailLimitNote } from '../../domain/mail/recipient-limit'
import { operatorGuard } from '../operator-guard'
import { requirePermission } from '../request-context'
import { authorizeOnUser, bearer, noBody, userParams, writeRefusals, type SecurityRouteDeps } from './security-common'

const helpdeskTag = ['helpdesk']
const verifyRefusals = { ...writeRefusals, 429: apiErrorBody } as const
const userPath = (path: (id: number) => string) => path(0).replace('/0/', '/:id/').replace(/\/0$/, '/:id')

/**
 * The helpdesk of issue 5: find the caller, verify them (a code by email, or a weaker knowledge check),
 * and remind a forgotten username. Support agents act on portal users only, with X-Ticket-Ref.
 */
export const helpdeskRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, { db, auth, clock }) => {
  const requireOperator = operatorGuard(auth)

  app.get(
    helpdeskPaths.people,
    {
      onRequest: [requireOperator, requirePermission('helpdesk.search')],
      schema: {
        tags: helpdeskTag,
        summary: 'People matching an email, phone, username, name or company (masked email and phone, and a username that is an email), active users first',
        description: 'Tolerant of case, spaces and phone formatting. Archived users are included after active ones; deleted accounts never.',
        security: bearer,
        querystring: personSearchQuery,
        response: { 200: personMatchList, 400: apiErrorBody, 401: apiErrorBody, 403: apiErrorBody }
      }
    },
    async (request) => searchPeople(db, { q: request.query.q, limit: request.query.limit, now: clock.now() })
  )

  app.post(
    userPath(helpdeskPaths.sendCode),
    {
      onRequest: requireOperator,
      schema: {
        tags: helpdeskTag,
        summary: "Email a 6-digit verification code to the user's primary email, for the caller to read back",
        description: `Valid 10 minutes, single use. 400 when the user has no email; 429 after 3 codes to this user in 10 minutes. ${recipientMailLimitNote}`,
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: codeSent, ...verifyRefusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'identity.verify')
      return sendVerificationCode(db, { userId: target.id, operatorId: context.operator.id, audit })
    }
  )

  app.post(
    userPath(helpdeskPaths.checkCode),
    {
      onRequest: requireOperator,
      schema: {
        tags: helpdeskTag,
        summary: 'Check the code the caller read back: a strong verification (X-Verification for the next actions)',
        description: 'Checks the last code this operator sent to this user. 400 for a wrong code (details.attemptsLeft), 409 when used or expired, 429 after 5 wrong codes.',
        security: bearer,
        params: userParams,
        body: checkCodeRequest,
        response: { 200: verification, ...verifyRefusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'identity.verify')
      return checkVerificationCode(db, { userId: target.id, operatorId: context.operator.id, audit, code: request.body.code })
    }
  )

  app.post(
    userPath(helpdeskPaths.knowledgeCheck),
    {
      onRequest: requireOperator,
      schema: {
        tags: helpdeskTag,
        summary: 'Record the facts of the record the caller confirmed: a weak verification',
        description: 'At least two of company, city, phoneLast4, each on record. A weak verification does not unlock turning off 2FA for support agents.',
        security: bearer,
        params: userParams,
        body: knowledgeCheckRequest,
        response: { 200: verification, ...verifyRefusals }
      }
    },
    async (request) => {
      const { target, context, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'identity.verify')
      return checkKnowledge(db, { userId: target.id, operatorId: context.operator.id, audit, facts: request.body.facts })
    }
  )

  app.post(
    userPath(helpdeskPaths.remindUsername),
    {
      onRequest: requireOperator,
      schema: {
        tags: helpdeskTag,
        summary: "Email the username to the user's primary email (the forgotten-username ticket)",
        description: `400 when the user has no email, 409 when the account is archived. ${recipientMailLimitNote} Support: portal users only, with X-Ticket-Ref.`,
        security: bearer,
        params: userParams,
        body: noBody,
        response: { 200: remindUsernameResult, ...verifyRefusals }
      }
    },
    async (request) => {
      const { target, audit } = await authorizeOnUser(db, clock, request, request.params.id, 'username.remind')
      return remindUsername(db, { userId: target.id, audit })
    }
  )
}
