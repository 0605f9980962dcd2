import type { EndpointSpec } from '../../shared/endpoints'
import type { ResponseOf } from '../../shared/endpoints/define'
import type { AuditContext } from '../../shared/ipc/audit-context'
import type { EndpointCall } from '../portal-client/portal-client'
import type { SessionService } from '../session/desk-session'

/** A channel's input as one call of an endpoint, with the audit headers it carries, if any. */
export type ForwardedCall<E extends EndpointSpec> = EndpointCall<E> & { audit?: AuditContext }

/**
 * Channels that only forward to one endpoint of the portal: the channel's input becomes the
 * endpoint's params, query and body, sent with the session's token; the answer is the endpoint's.
 */
export function forwarder(session: SessionService) {
  return function forward<E extends EndpointSpec, I>(endpoint: E, callOf: (input: I) => ForwardedCall<E>): (input: I) => Promise<ResponseOf<E>> {
    return (input) => {
      const { audit, ...call } = callOf(input)
      return session.call((client, token) => client.send(endpoint, call as EndpointCall<E>, token, audit))
    }
  }
}
