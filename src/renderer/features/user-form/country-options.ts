import { countryCodes } from '../../../shared/users'
import type { Locale } from '../../../shared/errors'

export interface CountryOption {
  value: string
  /** "Germany (DE)" / "德国 (DE)": searchable by name and by code. */
  label: string
}

/** A country's name in the UI language, or its code where the platform has no name for it. */
export function countryName(code: string, language: Locale): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Every ISO 3166-1 code the server accepts, named in the UI language and sorted as that language sorts. */
export function countryOptions(language: Locale): CountryOption[] {
  const names = new Intl.DisplayNames([language], { type: 'region' })
  const collator = new Intl.Collator(language)
  return [...countryCodes]
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, name }) => ({ value: code, label: `${name} (${code})` }))
}

/** Matches a typed search against the name or the code, ignoring case and accents ("cote" finds Côte d’Ivoire). */
export function countryMatches(search: string, option: CountryOption): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
  return fold(option.label).includes(fold(search.trim()))
}
