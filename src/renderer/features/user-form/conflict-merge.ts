import { apiValueOf, changedFields, formFields, type ApiValue, type FormField, type UserFormValues } from './form-values'

/**
 * The three versions of a 409 conflict: `base`, the record the operator started editing; `server`,
 * the record as it is now (someone else saved in between); `mine`, what the operator has in the form.
 */
export interface ConflictVersions {
  base: UserFormValues
  server: UserFormValues
  mine: UserFormValues
}

/** One field someone else changed: its value when the operator started, now, and the operator's edit if any. */
export interface ServerChange {
  field: FormField
  base: ApiValue
  server: ApiValue
  /** Present when the operator changed the field too: re-applying puts this value over the server's. */
  mine?: ApiValue
}

/** What changed on the server since the operator started editing, field by field, in form order. */
export function serverChanges({ base, server, mine }: ConflictVersions): ServerChange[] {
  const edited = new Set(changedFields(base, mine))
  return changedFields(base, server).map((field) => ({
    field,
    base: apiValueOf(field, base),
    server: apiValueOf(field, server),
    ...(edited.has(field) ? { mine: apiValueOf(field, mine) } : {})
  }))
}

/** The fields both the operator and someone else changed (to different values). */
export function overlappingFields(changes: readonly ServerChange[]): FormField[] {
  return changes.filter((change) => change.mine !== undefined && JSON.stringify(change.mine) !== JSON.stringify(change.server)).map((change) => change.field)
}

/**
 * "Re-apply my edit on top": the server's record becomes the new base, and every field the operator
 * changed (compared with their own base, never with the server) takes the operator's value. Fields
 * the operator left alone keep the server's value, so nobody else's change is lost.
 */
export function reapplyEdits({ base, server, mine }: ConflictVersions): UserFormValues {
  const edited = new Set(changedFields(base, mine))
  const merged: UserFormValues = { ...server, emails: [...server.emails] }
  for (const field of formFields) {
    if (edited.has(field)) assign(merged, mine, field)
  }
  return merged
}

function assign<K extends FormField>(target: UserFormValues, source: UserFormValues, field: K): void {
  const value = source[field]
  target[field] = (Array.isArray(value) ? [...value] : value) as UserFormValues[K]
}
