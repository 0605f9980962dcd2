import type { Locale } from '../../../shared/errors'

const displayNames = new Map<Locale, Intl.DisplayNames | null>()

function namesIn(language: Locale): Intl.DisplayNames | null {
  if (!displayNames.has(language)) {
    try {
      displayNames.set(language, new Intl.DisplayNames([language], { type: 'region' }))
    } catch {
      // An engine without region names: the code alone is still a fact.
      displayNames.set(language, null)
    }
  }
  return displayNames.get(language) ?? null
}

/** "United Kingdom (GB)" / "英国 (GB)": the ISO 3166-1 code named in the operator's language. */
export function countryName(code: string | null, language: Locale): string | null {
  if (!code) return null
  const name = namesIn(language)?.of(code)
  return name && name !== code ? `${name} (${code})` : code
}
