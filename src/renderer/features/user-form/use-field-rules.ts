import type { FormRule } from 'antd'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldProblems, otherEmailProblems, type FieldProblem, type ValidationContext } from './field-validation'
import type { FormField } from './form-values'

/** A field problem in the operator's language. */
export function useProblemText(): (problem: FieldProblem) => string {
  const { t } = useTranslation()
  return useCallback(
    (problem: FieldProblem) => {
      // The typed `t` wants each key's own parameters; a problem carries the ones its key needs.
      const translate = t as unknown as (key: string, options: Record<string, string | number>) => string
      return translate(`userForm.validation.${problem.key}`, problem.params ?? {})
    },
    [t]
  )
}

function ruleOf(check: () => FieldProblem[], text: (problem: FieldProblem) => string): Promise<void> {
  const [problem] = check()
  return problem ? Promise.reject(new Error(text(problem))) : Promise.resolve()
}

/**
 * antd rules that check a field with the shared schemas as the operator types (antd validates on
 * change), with the messages translated. `required` is only the mark; the rule itself decides.
 */
export function useFieldRules(context: ValidationContext) {
  const text = useProblemText()
  return useMemo(
    () => ({
      field: (field: FormField): FormRule[] => [{ validator: (_rule, value: unknown) => ruleOf(() => fieldProblems(field, { [field]: value }, context), text) }],
      otherEmail: (index: number): FormRule[] => [
        ({ getFieldValue }) => ({
          validator: () => ruleOf(() => otherEmailProblems((getFieldValue('emails') as string[] | undefined) ?? [], index), text)
        })
      ]
    }),
    [context, text]
  )
}
