import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../../config'
import { defaultInviteLinkTtlMs, defaultResetLinkTtlMs, type LinkSettings } from '../../domain/reset/links'

export type LinkConfig = Pick<ServerConfig, 'host' | 'publicUrl' | 'resetLinkTtlMs' | 'inviteLinkTtlMs'>

/**
 * Where emailed links point: PUBLIC_URL, else the address the server is bound to (known only once
 * it listens, hence read per request). Never the request's Host header, which a client chooses:
 * a forged Host would send the victim a link to the attacker's site (reset-link poisoning).
 */
export function linkSettingsOf(app: FastifyInstance, config: LinkConfig): LinkSettings {
  return {
    publicUrl: config.publicUrl ?? boundUrl(app, config.host),
    resetLinkTtlMs: config.resetLinkTtlMs ?? defaultResetLinkTtlMs,
    inviteLinkTtlMs: config.inviteLinkTtlMs ?? defaultInviteLinkTtlMs
  }
}

function boundUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
