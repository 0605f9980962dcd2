import type { TFunction } from 'i18next'
import { connectionName, mayConnect, portalUrl, type ConnectionColour } from '../../../shared/connections'
import { fieldIssues, isDeskError } from '../../../shared/errors'

export interface NewConnectionFields {
  name: string
  url: string
  colour?: ConnectionColour
  allowUnencrypted?: boolean
}

/** The fields main may refuse and the form marks. */
export type MarkableConnectionField = 'name' | 'url' | 'allowUnencrypted'
const fieldNames: readonly MarkableConnectionField[] = ['name', 'url', 'allowUnencrypted']

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
  return {
    name: check(connectionName, t('connection.nameRequired')),
    url: check(portalUrl, t('connection.urlInvalid')),
    // The same rule main applies on save: http:// to another computer needs the operator's choice.
    allowUnencrypted: ({ getFieldValue }: { getFieldValue: (name: keyof NewConnectionFields) => unknown }) => ({
      validator: async (_rule: unknown, value: unknown) => {
        const url = getFieldValue('url')
        if (!mayConnect({ kind: 'remote', url: typeof url === 'string' ? url : '', allowUnencrypted: value === true })) {
          throw new Error(t('connection.unencryptedRequired'))
        }
      }
    })
  }
}

/** The form fields a VALIDATION error from main points at; empty for any other failure. */
export function invalidConnectionFields(error: unknown): MarkableConnectionField[] {
  if (!isDeskError(error) || error.code !== 'VALIDATION') return []
  const paths = fieldIssues(error.details).map((issue) => issue.path)
  return fieldNames.filter((name) => paths.includes(name))
}
