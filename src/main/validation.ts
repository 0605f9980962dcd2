import type { z } from 'zod'
import { DeskError, type FieldIssue } from '../shared/errors'

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/** Parses input the desk received, or throws the VALIDATION DeskError that names the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new DeskError('VALIDATION', undefined, toFieldIssues(parsed.error))
  return parsed.data
}
