import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { AccountActor } from '../../domain/account/account-actor'
import type { EndpointRouteDeps } from '../endpoint-route'
import { portalSessionOf } from '../portal-guard'
import { requestOrigin } from '../request-context'
import type { LinkConfig } from './link-settings'

/** What every portal self-service module receives from portal-auth.ts. */
export interface MeRouteDeps extends EndpointRouteDeps {
  db: Kysely<Database>
  clock: Clock
  /** Where emailed links point (the email-change links). */
  config: LinkConfig
  /** The portal sessions' guard, built once by portal-auth.ts. */
  portalGuard: NonNullable<EndpointRouteDeps['portalGuard']>
}

/** The portal user behind a guarded request, timed once by the server's clock. */
export function portalActorOf(request: FastifyRequest, clock: Clock): AccountActor {
  const session = portalSessionOf(request)
  const origin = requestOrigin(request)
  return { userId: session.userId, login: session.login, sessionId: session.sessionId, audience: 'portal', role: 'portal', ip: origin.ip, userAgent: origin.userAgent, now: clock.now() }
}
