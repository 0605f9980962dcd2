import { featureStrings } from '../feature-strings'

/** Strings of features/companies (both languages). */
export const companiesStrings = featureStrings({}, {})
