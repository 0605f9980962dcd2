import { z } from 'zod'
import { errorCodes } from './errors'

/** Paths of the portal API, shared by the server routes and the desk's PortalClient. */
export const apiPaths = {
  health: '/api/v1/health',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  reauth: '/api/v1/auth/reauth',
  audit: '/api/v1/audit',
  auditIntegrity: '/api/v1/audit/integrity',
  users: '/api/v1/users',
  user: (id: number) => `/api/v1/users/${id}`,
  docs: '/api/docs'
} as const

/** The one error body of the portal API. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional()
  })
})
export type ApiErrorBody = z.infer<typeof apiErrorBody>
