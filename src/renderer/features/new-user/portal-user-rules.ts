import type { FormRule } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { deletedLoginPrefix, emailField, loginField, userLimits } from '../../../shared/users'

// eslint-disable-next-line no-control-regex -- control characters are what is refused, as the server does
const controlCharacters = /[\u0000-\u001f\u007f]/

/** Why a username would be refused, in the operator's language; null when the shared schema accepts it. */
export function loginProblem(value: string, t: TFunction): string | null {
  const login = value.trim()
  if (login === '') return null
  if (controlCharacters.test(login)) return t('newUser.invalid.controlCharacters')
  if (/\s/.test(login)) return t('newUser.invalid.loginSpaces')
  if ([...login].length > userLimits.login) return t('newUser.invalid.tooLong', { max: userLimits.login })
  if (login.toLowerCase().startsWith(deletedLoginPrefix)) return t('newUser.invalid.loginReserved', { prefix: deletedLoginPrefix })
  // Whatever else the shared schema refuses, it says in its own (English) words.
  const parsed = loginField.safeParse(login)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? t('newUser.invalid.loginSpaces'))
}

function nameProblem(value: string, t: TFunction): string | null {
  const name = value.trim()
  if (controlCharacters.test(name)) return t('newUser.invalid.controlCharacters')
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
