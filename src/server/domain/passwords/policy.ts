import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en'
import type { FieldIssue } from '../../../shared/errors'
import { passwordMaxLength, passwordMinLength, passwordMinScore } from '../../../shared/passwords'

export type PolicyResult = { ok: true } | { ok: false; issues: FieldIssue[] }

export interface PolicyOptions {
  /** What the user is known by (login, names, email…): a password built from them is refused. */
  userInputs?: string[]
}

let estimator: ZxcvbnFactory | null = null

/** The dictionaries weigh a few megabytes: built on first use, not at import time. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations
  })
  return estimator
}

const issue = (message: string): PolicyResult => ({ ok: false, issues: [{ path: 'password', message }] })

/**
 * The password policy of issue 3: 8 to 128 characters (counted as Unicode code points, so an emoji is
 * one), no control characters, and not common or weak by zxcvbn-ts's estimate against its password,
 * name and word dictionaries plus the user's own login, names and email.
 */
export function checkPasswordPolicy(password: string, options: PolicyOptions = {}): PolicyResult {
  const length = [...password].length
  if (length < passwordMinLength) return issue(`The password needs at least ${passwordMinLength} characters.`)
  if (length > passwordMaxLength) return issue(`The password can have at most ${passwordMaxLength} characters.`)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(password)) return issue('The password cannot contain control characters such as tabs or line breaks.')
  const result = strengthEstimator().check(password, userInputWords(options.userInputs ?? []))
  if (result.score < passwordMinScore) return issue(weaknessMessage(result))
  return { ok: true }
}

function weaknessMessage(result: ZxcvbnResult): string {
  const warning = result.feedback.warning?.trim()
  const reason = warning ? ` ${warning.endsWith('.') ? warning : `${warning}.`}` : ''
  return `This password is too common or too easy to guess.${reason} Use a longer phrase of several unrelated words.`
}

/** "Ada Lovelace", "ada.lovelace@example.com" → the whole values and their words, lower-cased. */
export function userInputWords(inputs: string[]): string[] {
  const words = new Set<string>()
  for (const input of inputs) {
    const value = input.trim().toLowerCase()
    if (!value) continue
    words.add(value)
    const domain = value.split('@')[1]
    if (domain) words.add(domain)
    for (const part of value.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part)
  }
  return [...words]
}
