import type { TFunction } from 'i18next'
import { connectionName, portalUrl, type ConnectionColour } from '../../../shared/connections'
import { fieldIssues, isDeskError } from '../../../shared/errors'

export interface NewConnectionFields {
  name: string
  url: string
  colour?: ConnectionColour
}

const fieldNames: readonly (keyof NewConnectionFields)[] = ['name', 'url']

/**
 * Form rules that apply the shared connection schema as the operator types, so the form and main
 * agree on what a valid portal is; the words come from the operator's language, not from zod.
 */
export function connectionFormRules(t: TFunction) {
  const check = (schema: { safeParse: (value: unknown) => { success: boolean } }, message: string) => [
    {
      validator: async (_rule: unknown, value: unknown) => {
        if (!schema.safeParse(value ?? '').success) throw new Error(message)
      }
    }
  ]
  return { name: check(connectionName, t('connection.nameRequired')), url: check(portalUrl, t('connection.urlInvalid')) }
}

/** The form fields a VALIDATION error from main points at; empty for any other failure. */
export function invalidConnectionFields(error: unknown): (keyof NewConnectionFields)[] {
  if (!isDeskError(error) || error.code !== 'VALIDATION') return []
  const paths = fieldIssues(error.details).map((issue) => issue.path)
  return fieldNames.filter((name) => paths.includes(name))
}
