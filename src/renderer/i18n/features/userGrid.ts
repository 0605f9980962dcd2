import { featureStrings } from '../feature-strings'

/** Strings of features/userGrid (both languages). */
export const userGridStrings = featureStrings({}, {})
