/**
 * Characters that make two names or logins look the same while they differ, or that the database
 * would silently change. Used by the shared schemas, so every door (API, portal pages, the desk's
 * forms and IPC) refuses the same text.
 */

/** Half of a UTF-16 surrogate pair without its other half: no character at all; PostgreSQL would store U+FFFD. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** C0 controls (tab, line breaks…), DEL and the C1 controls U+0080–U+009F. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Characters that show nothing, or reorder what follows: zero-width space, joiners and marks, word
 * joiner and invisible operators, byte-order mark, soft hyphen, combining grapheme joiner, Hangul
 * fillers, the Mongolian vowel separator, and every bidirectional control (embeddings, overrides,
 * isolates, the LRM/RLM/ALM marks).
 */
// U+034F stays outside the class: it is a combining mark, which a class would attach to its neighbour.
const invisibleOrBidi = /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]/

export const textCharacterMessages = {
  control: 'Control characters (tabs, line breaks…) are not allowed.',
  loneSurrogate: 'The text holds a broken character (half of a UTF-16 surrogate pair).',
  invisible: 'Invisible characters and text-direction controls (zero-width spaces, bidi overrides…) are not allowed.'
} as const

export const hasLoneSurrogate = (value: string): boolean => loneSurrogate.test(value)
export const hasControlCharacter = (value: string): boolean => controlCharacter.test(value)
export const hasInvisibleCharacter = (value: string): boolean => invisibleOrBidi.test(value)
