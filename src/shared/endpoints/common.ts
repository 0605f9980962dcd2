import { z } from 'zod'
import { userId } from '../users'

/** `/users/:id…`: the user an operator acts on. */
export const userParams = z.object({ id: userId })

/** Actions without input: a body, if any, must be an empty object (anything in it is refused, not ignored). */
export const noBody = z.object({}).strict().nullish()
/** Reads without options: an unknown query parameter is refused, not ignored. */
export const noQuery = z.object({}).strict()
/** `?includeRevoked=true` also lists what was revoked. */
export const includeRevoked = z.object({ includeRevoked: z.enum(['true', 'false']).default('false') }).strict()
