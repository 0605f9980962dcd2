import { featureStrings } from '../feature-strings'

/** Strings of features/userForm (both languages). */
export const userFormStrings = featureStrings({}, {})
