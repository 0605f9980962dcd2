import { featureStrings } from '../feature-strings'

/** Strings of features/security (both languages). */
export const securityStrings = featureStrings({}, {})
