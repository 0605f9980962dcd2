import { permissionMatrix } from '../permissions'
import type { RefusalReason } from '../refusals'
import type { EndpointSpec } from './define'

/** A named X-Verification is checked on every operator request before its handler runs. */
const verificationHeaderRefusals: readonly RefusalReason[] = [
  'verificationNotForUser',
  'verificationUnknown',
  'verificationOtherOperator',
  'verificationOtherUser',
  'verificationExpired'
]

/**
 * Every reason an endpoint may refuse with: its own, declared with it, and those that follow from the
 * rest of its declaration (who calls it, its permission), which the server's guards give on their own.
 */
export function refusalsOf(endpoint: EndpointSpec): ReadonlySet<RefusalReason> {
  const reasons = new Set<RefusalReason>(endpoint.refusals)
  if (endpoint.auth !== 'public' && !endpoint.openDuring?.includes('passwordChange')) reasons.add('passwordChangeRequired')
  if (endpoint.auth === 'operator') for (const reason of verificationHeaderRefusals) reasons.add(reason)
  if (endpoint.permission && permissionMatrix[endpoint.permission].security) reasons.add('ticketRequired')
  return reasons
}
