import { fieldIssues, type DeskErrorShape } from '../../../shared/errors'

export interface FieldError {
  name: string
  errors: string[]
}

/**
 * The server's field issues that name one of `fields` (the first segment of their path), ready for
 * antd's `form.setFields`; issues about other fields stay in the dialog's error alert.
 */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): FieldError[] {
  if (typeof error !== 'object' || error === null || !('details' in error)) return []
  const byField = new Map<string, string[]>()
  for (const issue of fieldIssues((error as { details: DeskErrorShape['details'] }).details)) {
    const name = issue.path.split('.')[0] ?? ''
    if (!fields.includes(name)) continue
    byField.set(name, [...(byField.get(name) ?? []), issue.message])
  }
  return [...byField].map(([name, errors]) => ({ name, errors }))
}
