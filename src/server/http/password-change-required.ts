import { DeskError } from '../../shared/errors'

/**
 * The refusal of both guards (operator and portal) to a session opened with a temporary password,
 * on every route but choosing a new password and signing out.
 */
export function passwordChangeRequired(): DeskError {
  return new DeskError('PASSWORD_CHANGE_REQUIRED', undefined, { reason: 'passwordChangeRequired' })
}
