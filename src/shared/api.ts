import { z } from 'zod'
import { errorCodes } from './errors'

/** Where the server serves its OpenAPI description (HTML, and JSON under /json). */
export const apiDocsPath = '/api/docs'

/** The one error body of the portal API. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional()
  })
})
export type ApiErrorBody = z.infer<typeof apiErrorBody>
