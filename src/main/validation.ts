import type { z } from 'zod'
import { DeskError, type FieldIssue } from '../shared/errors'

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    // A refinement may name its refusal (`params.reason`), so the renderer can word it itself.
    const reason = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined
    return { path: issue.path.map(String).join('.'), message: issue.message, ...(typeof reason === 'string' ? { reason } : {}) }
  })
}

/** Parses input the desk received, or throws the VALIDATION DeskError that names the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new DeskError('VALIDATION', undefined, toFieldIssues(parsed.error))
  return parsed.data
}
