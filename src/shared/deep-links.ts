import { z } from 'zod'
import { connectionName } from './connections'
import { personSearchQuery } from './helpdesk'
import { ticketRefMaxLength, ticketRefPattern } from './ipc/audit-context'
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate } from './text-characters'
import { pathId } from './numbers'

/**
 * The places of the desk a link may open, as `portaldesk://` links from a ticket system and as the
 * renderer's hash routes. Both are read by the same code below, so a link and a hash route can never
 * disagree about what is allowed:
 *
 *   portaldesk://helpdesk?ticket=ZD-1234&q=jane%40example.com   #/helpdesk?ticket=ZD-1234&q=jane%40example.com
 *   portaldesk://users/123?connection=Production                 #/users/123
 *
 * Anything else (another host, path or parameter, a repeated parameter, an id that is not a plain
 * positive number) is refused with a reason, and the desk does nothing but say so.
 */
export const deskLinkScheme = 'portaldesk'

/** Longer than any link a ticket macro writes; a longer one is refused before it is read. */
export const deskLinkMaxLength = 2048

export const deepLinkRefusals = [
  'notADeskLink',
  'tooLong',
  'userInfo',
  'port',
  'unknownPlace',
  'unknownParameter',
  'repeatedParameter',
  'invalidTicket',
  'invalidSearch',
  'invalidUserId',
  'unknownConnection'
] as const
export const deepLinkRefusal = z.enum(deepLinkRefusals)
export type DeepLinkRefusal = z.infer<typeof deepLinkRefusal>

const ticketParam = z.string().trim().min(1).max(ticketRefMaxLength).regex(ticketRefPattern)
const searchParam = personSearchQuery.shape.q.refine(
  (value) => !hasControlCharacter(value) && !hasInvisibleCharacter(value) && !hasLoneSurrogate(value)
)
/** Digits only, no leading zero: `0`, `-1`, `1e3`, `0x10` and `123abc` name nobody. */
const userIdSegment = z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number).pipe(z.number().max(Number.MAX_SAFE_INTEGER))

const helpdeskRoute = z.strictObject({ place: z.literal('helpdesk'), ticket: ticketParam.optional(), q: searchParam.optional() })
const userRoute = z.strictObject({ place: z.literal('users'), id: pathId })

/** A place in the desk, as the renderer opens it. */
export const deskRoute = z.discriminatedUnion('place', [helpdeskRoute, userRoute])
export type DeskRoute = z.infer<typeof deskRoute>

/** A route, and the connection (by its name) to open it on; without one, the active connection. */
export const deskLink = z.strictObject({ route: deskRoute, connection: connectionName.optional() })
export type DeskLink = z.infer<typeof deskLink>

export type DeepLinkResult<T> = { ok: true; value: T } | { ok: false; reason: DeepLinkRefusal }

const refuse = (reason: DeepLinkRefusal): { ok: false; reason: DeepLinkRefusal } => ({ ok: false, reason })

/** Which refusal a bad parameter gives. */
const parameterRefusals: Readonly<Record<string, DeepLinkRefusal>> = { ticket: 'invalidTicket', q: 'invalidSearch', connection: 'unknownConnection' }

/** What each place accepts: its path segments after the place name, and its query parameters. */
const places = {
  helpdesk: { parameters: ['ticket', 'q'] },
  users: { parameters: [] }
} as const satisfies Record<DeskRoute['place'], { parameters: readonly string[] }>
type Place = keyof typeof places

function isPlace(name: string): name is Place {
  return Object.hasOwn(places, name)
}

/** A path segment as a place or an id spells it: anything else (`..`, `%2e`, `%2f`, `\`) is not one. */
const plainSegment = /^[A-Za-z0-9_-]+$/

/**
 * Query parameters, each at most once; an empty value counts as absent (a macro whose placeholder
 * was empty). `allowed` names the parameters this place (and, for links, `connection`) accepts.
 */
function readParameters(search: string, allowed: readonly string[]): DeepLinkResult<Record<string, string>> {
  const raw = search.startsWith('?') ? search.slice(1) : search
  const entries = raw === '' ? [] : [...new URLSearchParams(raw)]
  const values: Record<string, string> = {}
  for (const [name, value] of entries) {
    if (!allowed.includes(name)) return refuse('unknownParameter')
    if (Object.hasOwn(values, name)) return refuse('repeatedParameter')
    values[name] = value
  }
  for (const name of Object.keys(values)) if (values[name] === '') delete values[name]
  return { ok: true, value: values }
}

function routeOf(place: Place, segments: readonly string[], parameters: Record<string, string>): DeepLinkResult<DeskRoute> {
  if (place === 'helpdesk' && segments.length > 0) return refuse('unknownPlace')
  if (place === 'users' && segments.length !== 1) return refuse('unknownPlace')
  const candidate = place === 'users' ? { place, id: userIdSegment.safeParse(segments[0]) } : null
  if (candidate && !candidate.id.success) return refuse('invalidUserId')
  const parsed = deskRoute.safeParse(candidate?.id.success ? { place, id: candidate.id.data } : { place, ...parameters })
  if (parsed.success) return { ok: true, value: parsed.data }
  const field = String(parsed.error.issues[0]?.path[0] ?? '')
  return refuse(parameterRefusals[field] ?? 'unknownPlace')
}

/** Path segments of `/a/b`; one trailing slash is tolerated (Windows adds one to `portaldesk://helpdesk?…`). */
function segmentsOf(path: string): string[] | null {
  if (path === '' || path === '/') return []
  if (!path.startsWith('/')) return null
  const segments = path.slice(1).replace(/\/$/, '').split('/')
  return segments.every((segment) => plainSegment.test(segment)) ? segments : null
}

/** A hash route (`pathname` and `search` as the router gives them) as a desk route, or why not. */
export function parseDeskPath(pathname: string, search: string): DeepLinkResult<DeskRoute> {
  if (pathname.length + search.length > deskLinkMaxLength) return refuse('tooLong')
  const segments = segmentsOf(pathname)
  const [place, ...rest] = segments ?? []
  if (place === undefined || !isPlace(place)) return refuse('unknownPlace')
  const parameters = readParameters(search, places[place].parameters)
  return parameters.ok ? routeOf(place, rest, parameters.value) : parameters
}

/** The hash route of a desk route: the one spelling of each place's path. */
export function deskRoutePath(route: DeskRoute): string {
  if (route.place === 'users') return `/users/${route.id}`
  const query = new URLSearchParams()
  if (route.ticket !== undefined) query.set('ticket', route.ticket)
  if (route.q !== undefined) query.set('q', route.q)
  const search = query.toString()
  return search ? `/helpdesk?${search}` : '/helpdesk'
}

/** scheme://authority path ?query #fragment, without normalising anything (no `..` resolution, no decoding). */
const linkParts = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$/s

/**
 * A `portaldesk://` link, as the operating system hands it to the desk, checked part by part.
 * `connections` are the names of the operator's connections: a link may only name one of those.
 */
export function parseDeskLink(url: string, connections: readonly string[]): DeepLinkResult<DeskLink> {
  if (url.length > deskLinkMaxLength) return refuse('tooLong')
  const parts = linkParts.exec(url)
  if (!parts || parts[1]?.toLowerCase() !== deskLinkScheme) return refuse('notADeskLink')
  const [, , authority = '', path = '', query = '', fragment] = parts
  if (authority.includes('@')) return refuse('userInfo')
  if (authority.includes(':')) return refuse('port')
  const place = authority.toLowerCase()
  const segments = segmentsOf(path)
  if (fragment !== undefined || segments === null || !isPlace(place)) return refuse('unknownPlace')
  const parameters = readParameters(query, [...places[place].parameters, 'connection'])
  if (!parameters.ok) return parameters
  const { connection, ...routeParameters } = parameters.value
  const route = routeOf(place, segments, routeParameters)
  if (!route.ok) return route
  if (connection === undefined) return { ok: true, value: { route: route.value } }
  const name = connectionName.safeParse(connection)
  if (!name.success || !connections.includes(name.data)) return refuse('unknownConnection')
  return { ok: true, value: { route: route.value, connection: name.data } }
}
