import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { endpoints } from '../../../shared/endpoints'
import { searchPeople } from '../../domain/helpdesk/people'
import { remindUsername } from '../../domain/helpdesk/remind-username'
import { checkKnowledge, checkVerificationCode, sendVerificationCode } from '../../domain/helpdesk/verification'
import { registerEndpoint } from '../endpoint-route'
import type { SecurityRouteDeps } from './security-common'

/**
 * The helpdesk: find the caller, verify them (a code by email, or a weaker knowledge check), and
 * remind a forgotten username. Support agents act on portal users only, with X-Ticket-Ref.
 */
export const helpdeskRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, deps) => {
  const { db, clock } = deps

  registerEndpoint(app, deps, endpoints.searchPeople, async (request) => searchPeople(db, { q: request.query.q, limit: request.query.limit, now: clock.now() }))

  registerEndpoint(app, deps, endpoints.sendVerificationCode, async (_request, _reply, { target, context, audit }) =>
    sendVerificationCode(db, { userId: target.id, operatorId: context.operator.id, audit })
  )

  registerEndpoint(app, deps, endpoints.checkVerificationCode, async (request, _reply, { target, context, audit }) =>
    checkVerificationCode(db, { userId: target.id, operatorId: context.operator.id, audit, code: request.body.code })
  )

  registerEndpoint(app, deps, endpoints.checkKnowledge, async (request, _reply, { target, context, audit }) =>
    checkKnowledge(db, { userId: target.id, operatorId: context.operator.id, audit, facts: request.body.facts })
  )

  registerEndpoint(app, deps, endpoints.remindUsername, async (_request, _reply, { target, audit }) => remindUsername(db, { userId: target.id, audit }))
}
