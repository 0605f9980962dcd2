import type { FormRule } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate } from '../../../shared/text-characters'
import { deletedLoginPrefix, emailField, loginField, userLimits } from '../../../shared/users'

/** What names and logins share: no broken, control, invisible or direction-changing characters (as the server). */
function characterProblem(value: string, t: TFunction): string | null {
  if (hasLoneSurrogate(value)) return t('newUser.invalid.brokenCharacter')
  if (hasControlCharacter(value)) return t('newUser.invalid.controlCharacters')
  if (hasInvisibleCharacter(value)) return t('newUser.invalid.invisibleCharacters')
  return null
}

/** Why a username would be refused, in the operator's language; null when the shared schema accepts it. */
export function loginProblem(value: string, t: TFunction): string | null {
  const login = value.trim()
  if (login === '') return null
  const characters = characterProblem(login, t)
  if (characters) return characters
  if (/\s/.test(login)) return t('newUser.invalid.loginSpaces')
  if ([...login].length > userLimits.login) return t('newUser.invalid.tooLong', { max: userLimits.login })
  if (login.toLowerCase().startsWith(deletedLoginPrefix)) return t('newUser.invalid.loginReserved', { prefix: deletedLoginPrefix })
  // Whatever else the shared schema refuses, it says in its own (English) words.
  const parsed = loginField.safeParse(login)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? t('newUser.invalid.loginSpaces'))
}

function nameProblem(value: string, t: TFunction): string | null {
  const name = value.trim()
  const characters = characterProblem(name, t)
  if (characters) return characters
  if ([...name].length > userLimits.namePart) return t('newUser.invalid.tooLong', { max: userLimits.namePart })
  return null
}

function emailProblem(value: string, t: TFunction): string | null {
  const email = value.trim()
  if (email === '') return null
  return emailField.safeParse(email).success ? null : t('newUser.invalid.email')
}

const check =
  (problem: (value: string, t: TFunction) => string | null, t: TFunction): FormRule =>
  () => ({
    validator: (_rule, value: string | undefined) => {
      const message = problem(value ?? '', t)
      return message ? Promise.reject(new Error(message)) : Promise.resolve()
    }
  })

/**
 * The rules of a new portal user's fields, checked as the operator types: the shared schema's
 * (src/shared/users.ts) limits, in words of the operator's language. The server still decides.
 */
export function usePortalUserRules() {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      firstName: [{ required: true, whitespace: true, message: t('newUser.required.firstName') }, check(nameProblem, t)] satisfies FormRule[],
      lastName: [{ required: true, whitespace: true, message: t('newUser.required.lastName') }, check(nameProblem, t)] satisfies FormRule[],
      login: [{ required: true, whitespace: true, message: t('newUser.required.login') }, check(loginProblem, t)] satisfies FormRule[],
      email: (required: boolean): FormRule[] => [{ required, whitespace: true, message: t('newUser.required.email') }, check(emailProblem, t)],
      companyId: [{ required: true, message: t('newUser.required.company') }] satisfies FormRule[],
      websiteId: [{ required: true, message: t('newUser.required.website') }] satisfies FormRule[]
    }),
    [t]
  )
}
