import type { EndpointSpec } from './define'
import * as audit from './audit'
import * as auth from './auth'
import * as companies from './companies'
import * as helpdesk from './helpdesk'
import * as mail from './mail'
import * as passwords from './passwords'
import * as portal from './portal'
import * as security from './security'
import * as users from './users'

export { urlOf, fillPath, pathParamNames, type EndpointSpec, type Endpoint } from './define'
export { refusalsOf } from './refusals-of'

/** Every endpoint of the portal API, by resource. */
export const endpoints = { ...auth, ...users, ...security, ...passwords, ...helpdesk, ...companies, ...audit, ...mail, ...portal } as const

/** The same endpoints as one flat list, for what walks them all (tests, the fuzzer). */
export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints)
