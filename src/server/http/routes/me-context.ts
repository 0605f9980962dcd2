import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AccountActor } from '../../domain/account/account-actor'
import { portalSessionOf } from '../portal-guard'
import { requestOrigin } from '../request-context'
import type { LinkConfig } from './link-settings'

/** What every /api/v1/me module receives from portal-auth.ts. */
export interface MeRouteDeps {
  db: Kysely<Database>
  clock: Clock
  /** Where emailed links point (the email-change links). */
  config: LinkConfig
  /** `portalGuard(sessions)`, built once by portal-auth.ts. */
  requirePortalUser: (request: FastifyRequest) => Promise<void>
  /** The same guard, open to a session signed in with a temporary password: only for choosing a new one. */
  requirePasswordChanger: (request: FastifyRequest) => Promise<void>
}

/** OpenAPI: the route takes a portal session's bearer token. */
export const bearer = [{ bearerAuth: [] }]

/** The portal user behind a guarded request, timed once by the server's clock. */
export function portalActorOf(request: FastifyRequest, clock: Clock): AccountActor {
  const session = portalSessionOf(request)
  const origin = requestOrigin(request)
  return { userId: session.userId, login: session.login, sessionId: session.sessionId, audience: 'portal', role: 'portal', ip: origin.ip, userAgent: origin.userAgent, now: clock.now() }
}
