import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { keyRoutes } from './security-keys'
import { sessionRoutes } from './security-sessions'
import { twoFactorRoutes } from './security-two-factor'
import type { SecurityRouteDeps } from './security-common'

/**
 * The operator's security actions on one user: 2FA invite and reset,
 * passkeys, sessions, API keys, unlock, sign-ins and payment methods. Every route finds the user
 * (404), then asks `authorize` (role, X-Ticket-Ref for support, re-authentication), then acts in
 * one transaction with its audit row (domain/security/).
 */
export const securityRoutes: FastifyPluginAsyncZod<SecurityRouteDeps> = async (app, deps) => {
  await app.register(twoFactorRoutes, deps)
  await app.register(sessionRoutes, deps)
  await app.register(keyRoutes, deps)
}
