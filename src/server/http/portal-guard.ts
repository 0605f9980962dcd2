import type { FastifyRequest } from 'fastify'
import { DeskError } from '../../shared/errors'
import { bearerToken } from '../domain/auth/tokens'
import type { PortalSession, PortalSessions } from '../domain/portal/portal-sessions'
import { passwordChangeRequired } from './password-change-required'

/** The portal session of each guarded request; a WeakMap, so nothing outlives the request. */
const portalSessions = new WeakMap<FastifyRequest, PortalSession>()

export interface PortalGuardOptions {
  /**
   * The route stays open to a user who signed in with a temporary password: choosing a new one and
   * sign-out. Every other route refuses them with 403 PASSWORD_CHANGE_REQUIRED, so that a new route
   * is closed unless it says otherwise.
   */
  duringPasswordChange?: boolean
}

/**
 * An `onRequest` hook for `/api/v1/me/*`: a bearer token of a live portal session (audience
 * 'portal'), else 401 UNAUTHORIZED before the body is read. An operator token is not accepted here,
 * nor a portal token by the operator guard.
 */
export function portalGuard(sessions: PortalSessions, { duringPasswordChange = false }: PortalGuardOptions = {}) {
  return async function requirePortalUser(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request.headers.authorization)
    const session = token ? await sessions.authenticate(token) : null
    if (!session) throw new DeskError('UNAUTHORIZED')
    if (session.passwordChangeRequired && !duringPasswordChange) throw passwordChangeRequired()
    portalSessions.set(request, session)
  }
}

/** The session set by `portalGuard`; only call it on guarded routes. */
export function portalSessionOf(request: FastifyRequest): PortalSession {
  const session = portalSessions.get(request)
  if (!session) throw new DeskError('UNAUTHORIZED')
  return session
}
