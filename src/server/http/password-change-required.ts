import { errorMessages, type DeskError } from '../../shared/errors'
import { refusal } from '../domain/refusal'

/**
 * The refusal of both guards (operator and portal) to a session opened with a temporary password,
 * on every route but choosing a new password and signing out.
 */
export function passwordChangeRequired(): DeskError {
  return refusal('PASSWORD_CHANGE_REQUIRED', 'passwordChangeRequired', errorMessages.PASSWORD_CHANGE_REQUIRED.en)
}
