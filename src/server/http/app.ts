import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { ServerConfig } from '../config'
import type { DatabaseKind } from '../db/connect'
import type { Database } from '../db/schema'
import { createAuthService, type AuthService } from '../domain/auth/auth-service'
import { answerClientError, errorResponse, sendError } from './errors'
import { loggerOptions, type LogDestination } from './logging'
import { registerOpenApi } from './openapi'
import { auditRoutes } from './routes/audit'
import { companyRoutes } from './routes/companies'
import { emailChangePageRoutes } from './routes/email-change-pages'
import { authRoutes } from './routes/auth'
import { operatorAccountRoutes } from './routes/operator-account'
import { healthRoutes } from './routes/health'
import { portalRoutes } from './routes/portal-auth'
import { securityRoutes } from './routes/security'
import { passwordAndMailRoutes } from './routes/passwords'
import { userRoutes } from './routes/users'
import { helpdeskRoutes } from './routes/helpdesk'
import { registerVerificationHeader } from './request-context'

/**
 * What every route module receives as its plugin options. A module declares the subset it uses
 * (`FastifyPluginAsyncZod<Pick<RouteDeps, 'db' | 'auth'>>`), so adding a dependency here breaks nothing.
 */
export interface RouteDeps {
  db: Kysely<Database>
  auth: AuthService
  clock: Clock
  config: AppDeps['config']
}

export interface AppDeps {
  db: Kysely<Database>
  databaseKind: DatabaseKind
  config: Pick<ServerConfig, 'logLevel' | 'sessionIdleMs' | 'sessionAbsoluteMs' | 'host' | 'publicUrl' | 'resetLinkTtlMs' | 'inviteLinkTtlMs' | 'smtpUrl' | 'mailbox' | 'operatorTwoFactor' | 'trustProxy'>
  clock: Clock
  /** Where log lines go (tests capture them); standard output when omitted. */
  logDestination?: LogDestination
}

/** JSON requests are small: a login, a filter. Anything bigger is refused with 413. */
export const bodyLimitBytes = 64 * 1024

/**
 * Fastify's `trustProxy` for TRUST_PROXY. Fastify 5 no longer reads a number as a hop count (it trusts
 * nothing then), so a count becomes the function that trusts that many hops nearest the server: the
 * setting's own promise, valid when every request passes through that many proxies (README).
 */
export function trustedProxies(setting: ServerConfig['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined) return false
  if (typeof setting === 'number') return (_address, hop) => hop < setting
  return setting
}

/** The portal API as a Fastify instance, not yet listening. */
export async function buildApp({ db, databaseKind, config, clock, logDestination }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logDestination),
    bodyLimit: bodyLimitBytes,
    // request.ip (what the per-IP sign-in limit counts) comes from X-Forwarded-For only through the
    // proxies TRUST_PROXY names; by default from the connection itself, so a client cannot pick its address.
    trustProxy: trustedProxies(config.trustProxy),
    // A malformed URL (bad percent-encoding) gets the API's error shape too.
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
    // So do requests that Node's HTTP parser refuses before Fastify sees them (headers too large).
    clientErrorHandler: answerClientError
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // Only JSON bodies: anything else is 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('operatorSession', null)
  app.decorateRequest('auditHeaders', null)
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
  registerVerificationHeader(app, db, clock)
  app.setNotFoundHandler((_request, reply) => {
    const { status, body } = errorResponse(404, 'NOT_FOUND', 'There is no such endpoint.')
    return reply.status(status).send(body)
  })

  await registerOpenApi(app)
  const auth = createAuthService({
    db,
    clock,
    sessionIdleMs: config.sessionIdleMs,
    sessionAbsoluteMs: config.sessionAbsoluteMs,
    operatorTwoFactor: config.operatorTwoFactor ?? 'optional'
  })
  // One line per route module; each takes what it needs from `deps` (see src/server/README.md).
  const deps: RouteDeps = { db, auth, clock, config }
  await app.register(healthRoutes, { db, databaseKind })
  await app.register(authRoutes, deps)
  await app.register(operatorAccountRoutes, deps)
  await app.register(userRoutes, deps)
  await app.register(auditRoutes, deps)
  await app.register(companyRoutes, deps)
  await app.register(passwordAndMailRoutes, deps)
  await app.register(securityRoutes, deps)
  await app.register(portalRoutes, deps)
  await app.register(helpdeskRoutes, deps)
  await app.register(emailChangePageRoutes, deps)
  return app
}
