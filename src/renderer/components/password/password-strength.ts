import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

export interface StrengthEstimate {
  /** zxcvbn's 0–4 score. */
  score: 0 | 1 | 2 | 3 | 4
  /** zxcvbn's English warning, when it has one (shown as a hint, not translated). */
  warning: string | null
}

let loading: Promise<ZxcvbnFactory> | null = null

/**
 * The same estimator the server's policy uses (zxcvbn-ts with its common and English dictionaries).
 * The dictionaries weigh megabytes: loaded on first use, in a chunk of their own.
 */
function estimator(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations
      })
  )
  return loading
}

/** "Ada Lovelace", "ada@example.com" → the words a password must not be built from (as the server does). */
export function personalWords(inputs: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>()
  for (const input of inputs) {
    const value = input?.trim().toLowerCase()
    if (!value) continue
    words.add(value)
    for (const part of value.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part)
  }
  return [...words]
}

export async function estimateStrength(password: string, userInputs: readonly string[]): Promise<StrengthEstimate> {
  const result = (await estimator()).check(password, [...userInputs])
  return { score: result.score, warning: result.feedback.warning?.trim() || null }
}
