import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Operator } from '../../shared/auth'
import { endpoints } from '../../shared/endpoints'
import { DeskError } from '../../shared/errors'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { AuditContext } from '../domain/audit/record'
import { resolveVerification, type ResolvedVerification } from '../domain/helpdesk/verification'
import type { RequestOrigin } from '../domain/auth/auth-service'
import { assertAllowed, type PermissionAction, type PermissionTarget } from '../domain/permissions'
import { sessionOf } from './operator-guard'

/** Everything a guarded route knows about who calls, from where, and why. */
export interface OperatorContext {
  operator: Operator
  sessionId: string
  ip: string | null
  userAgent: string | null
  ticketRef: string | null
  reason: string | null
  /** Re-verified (POST /auth/reauth) within the last 10 minutes, as of the start of this request. */
  reauthFresh: boolean
  /** The helpdesk verification of the target user named by X-Verification (checked), or null. */
  verification: ResolvedVerification | null
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `registerVerificationHeader` when X-Verification names a valid verification. */
    verification: ResolvedVerification | null
  }
}

/**
 * X-Verification (issue 5) on any operator request: once the guard has authenticated the operator and
 * the params are validated, the verification must be this operator's, of the user in the path
 * (`/users/:id…`), and still running, else 400/409 in words. Registered on the root instance before
 * the routes, so that every route gets it and none can forget it.
 */
export function registerVerificationHeader(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  app.decorateRequest('verification', null)
  app.addHook('preHandler', async (request) => {
    const verificationId = request.auditHeaders?.verificationId
    if (!verificationId || !request.operatorSession) return
    const params = request.params as { id?: unknown } | undefined
    const onUser = request.routeOptions.url?.startsWith(endpoints.getUser.path) === true && typeof params?.id === 'number'
    request.verification = await resolveVerification(db, {
      verificationId,
      operatorId: request.operatorSession.operator.id,
      targetUserId: onUser ? (params.id as number) : null,
      now: clock.now()
    })
  })
}

/** The client's address and user agent, as stored in sessions, sign-ins and the audit log. */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent']
  return { ip: request.ip?.slice(0, 64) || null, userAgent: typeof userAgent === 'string' && userAgent !== '' ? userAgent.slice(0, 512) : null }
}

/** Only on routes behind `operatorGuard`. */
export function operatorContext(request: FastifyRequest): OperatorContext {
  const session = sessionOf(request)
  const origin = requestOrigin(request)
  return {
    operator: session.operator,
    sessionId: session.sessionId,
    ip: origin.ip,
    userAgent: origin.userAgent,
    ticketRef: request.auditHeaders?.ticketRef ?? null,
    reason: request.auditHeaders?.reason ?? null,
    reauthFresh: session.reauthenticatedUntil !== null,
    verification: request.verification ?? null
  }
}

/**
 * The one authorization check of a guarded route: 403 FORBIDDEN when the role may not do `action`
 * on `target`, 400 when a support agent gives no ticket for a security action, 403 REAUTH_REQUIRED
 * when the action needs a fresh identity check. Call it after loading the target user (its kind
 * decides) and before changing anything. Returns the context for the audit row.
 */
export function authorize(request: FastifyRequest, action: PermissionAction, target: PermissionTarget | null = null): OperatorContext {
  const context = operatorContext(request)
  assertAllowed(
    {
      operatorId: context.operator.id,
      role: context.operator.role,
      ticketRef: context.ticketRef,
      reauthFresh: context.reauthFresh,
      verificationStrength: context.verification?.strength ?? null
    },
    action,
    target
  )
  return context
}

/** The audit row's who/where/why for an operator action, timed by the server's clock. */
export function auditContextOf(context: OperatorContext, clock: Clock): AuditContext {
  return {
    at: clock.now(),
    actorId: context.operator.id,
    actorLogin: context.operator.login,
    actorRole: context.operator.role,
    ip: context.ip,
    userAgent: context.userAgent,
    ticketRef: context.ticketRef,
    reason: context.reason,
    verificationMethod: context.verification?.method ?? null
  }
}

/**
 * An `onRequest` hook (after `operatorGuard`) for actions that have no target user: `users.create`,
 * `outbox.read`… Refuses before the body is even read. Actions on one user call `authorize` with it.
 */
export function requirePermission(action: PermissionAction) {
  return async function permissionGuard(request: FastifyRequest): Promise<void> {
    authorize(request, action)
  }
}

/** An `onRequest` hook (after `operatorGuard`): 403 REAUTH_REQUIRED unless re-verified in the last 10 minutes. */
export async function requireReauth(request: FastifyRequest): Promise<void> {
  if (!operatorContext(request).reauthFresh) throw new DeskError('REAUTH_REQUIRED')
}
