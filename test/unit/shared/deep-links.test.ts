import { describe, expect, it } from 'vitest'
import { deskLink, deskRoutePath, parseDeskLink, parseDeskPath, type DeepLinkRefusal, type DeskRoute } from '../../../src/shared/deep-links'

const connections = ['Production', 'Staging', 'Local portal']
const refusalOf = (url: string) => {
  const parsed = parseDeskLink(url, connections)
  return parsed.ok ? 'accepted' : parsed.reason
}

describe('portaldesk:// links the desk opens', () => {
  it('opens the Helpdesk with the ticket filled in and the search to run', () => {
    expect(parseDeskLink('portaldesk://helpdesk?ticket=ZD-1234&q=jane%40example.com', connections)).toEqual({
      ok: true,
      value: { route: { place: 'helpdesk', ticket: 'ZD-1234', q: 'jane@example.com' } }
    })
  })

  it('opens a user on a named connection', () => {
    expect(parseDeskLink('portaldesk://users/123?connection=Production', connections)).toEqual({
      ok: true,
      value: { route: { place: 'users', id: 123 }, connection: 'Production' }
    })
    expect(parseDeskLink('portaldesk://users/123?connection=Local+portal', connections)).toMatchObject({ ok: true, value: { connection: 'Local portal' } })
  })

  it.each([
    'portaldesk://helpdesk',
    'portaldesk://helpdesk/',
    'portaldesk://helpdesk/?ticket=ZD-1',
    'PORTALDESK://HELPDESK?q=jane',
    'portaldesk://helpdesk?ticket=&q=',
    'portaldesk://helpdesk?ticket=JIRA%2FOPS-12&q=%E7%8E%8B%E8%8A%B3',
    'portaldesk://users/123',
    'portaldesk://users/123/',
    'portaldesk://users/9007199254740991'
  ])('accepts %s', (url) => {
    expect(refusalOf(url)).toBe('accepted')
  })

  it('keeps a search in another script (a Chinese name) as it was written', () => {
    expect(parseDeskLink('portaldesk://helpdesk?q=%E7%8E%8B%E8%8A%B3', connections)).toMatchObject({ ok: true, value: { route: { q: '王芳' } } })
  })
})

describe('hostile links do nothing but say why', () => {
  it.each<[string, DeepLinkRefusal]>([
    // Other schemes, script URLs
    ['javascript:alert(1)', 'notADeskLink'],
    ['javascript://helpdesk?q=%0aalert(1)', 'notADeskLink'],
    ['data:text/html,<script>alert(1)</script>', 'notADeskLink'],
    ['file:///etc/passwd', 'notADeskLink'],
    ['https://users/123', 'notADeskLink'],
    ['portaldesk:users/123', 'notADeskLink'],
    ['portaldesk:/users/123', 'notADeskLink'],
    [' portaldesk://users/123', 'notADeskLink'],
    ['portaldesk://javascript:alert(1)', 'port'],
    ['portaldesk://javascript/alert(1)', 'unknownPlace'],
    // Unknown hosts and paths
    ['portaldesk://', 'unknownPlace'],
    ['portaldesk://settings', 'unknownPlace'],
    ['portaldesk://helpdesk/extra', 'unknownPlace'],
    ['portaldesk://users', 'unknownPlace'],
    ['portaldesk://users/1/2', 'unknownPlace'],
    ['portaldesk://users//1', 'unknownPlace'],
    ['portaldesk://constructor', 'unknownPlace'],
    ['portaldesk://__proto__', 'unknownPlace'],
    ['portaldesk://users/1#top', 'unknownPlace'],
    // Path traversal, plain and encoded
    ['portaldesk://users/../../etc', 'unknownPlace'],
    ['portaldesk://users/123/../456', 'unknownPlace'],
    ['portaldesk://users/%2e%2e/%2e%2e/etc', 'unknownPlace'],
    ['portaldesk://users/%2E%2E', 'unknownPlace'],
    ['portaldesk://users/1%2f..%2f2', 'unknownPlace'],
    ['portaldesk://users/1%5c..', 'unknownPlace'],
    ['portaldesk://users/..\\..\\etc', 'unknownPlace'],
    ['portaldesk://users/./1', 'unknownPlace'],
    ['portaldesk://users/%00', 'unknownPlace'],
    // Ids
    ['portaldesk://users/0', 'invalidUserId'],
    ['portaldesk://users/-1', 'invalidUserId'],
    ['portaldesk://users/1e3', 'invalidUserId'],
    ['portaldesk://users/123abc', 'invalidUserId'],
    ['portaldesk://users/0x10', 'invalidUserId'],
    ['portaldesk://users/0123', 'invalidUserId'],
    ['portaldesk://users/abc', 'invalidUserId'],
    ['portaldesk://users/99999999999999999999', 'invalidUserId'],
    ['portaldesk://users/9007199254740993', 'invalidUserId'],
    // Parameters: unknown, repeated, too long, bad characters
    ['portaldesk://users/1?tab=security', 'unknownParameter'],
    ['portaldesk://users/1?q=jane', 'unknownParameter'],
    ['portaldesk://helpdesk?ticket=ZD-1&redirect=https://evil.example', 'unknownParameter'],
    ['portaldesk://helpdesk?__proto__=x', 'unknownParameter'],
    ['portaldesk://helpdesk?ticket=ZD-1&ticket=ZD-2', 'repeatedParameter'],
    ['portaldesk://helpdesk?q=a&q=b', 'repeatedParameter'],
    ['portaldesk://users/1?connection=Production&connection=Staging', 'repeatedParameter'],
    [`portaldesk://helpdesk?q=${'a'.repeat(201)}`, 'invalidSearch'],
    [`portaldesk://helpdesk?ticket=${'A'.repeat(65)}`, 'invalidTicket'],
    ['portaldesk://helpdesk?ticket=<script>', 'invalidTicket'],
    ['portaldesk://helpdesk?ticket=-rf', 'invalidTicket'],
    ['portaldesk://helpdesk?ticket=ZD%E2%80%AE4321', 'invalidTicket'],
    ['portaldesk://helpdesk?ticket=%E5%B7%A5%E5%8D%95-1', 'invalidTicket'],
    ['portaldesk://helpdesk?ticket=ZD-1%0d%0aX-Reason:%20x', 'invalidTicket'],
    ['portaldesk://helpdesk?q=jane%E2%80%AEmoc.elpmaxe', 'invalidSearch'],
    ['portaldesk://helpdesk?q=jane%E2%80%8B', 'invalidSearch'],
    ['portaldesk://helpdesk?q=a%00b', 'invalidSearch'],
    ['portaldesk://helpdesk?q=a%0Ab', 'invalidSearch'],
    // Connections
    ['portaldesk://users/1?connection=Nowhere', 'unknownConnection'],
    ['portaldesk://users/1?connection=production', 'unknownConnection'],
    [`portaldesk://users/1?connection=${'P'.repeat(81)}`, 'unknownConnection'],
    // Credentials, userinfo, port
    ['portaldesk://admin:secret@users/1', 'userInfo'],
    ['portaldesk://evil.example@helpdesk', 'userInfo'],
    ['portaldesk://users:8080/1', 'port'],
    ['portaldesk://helpdesk:443?q=a', 'port']
  ])('refuses %s (%s)', (url, reason) => {
    expect(refusalOf(url)).toBe(reason)
  })

  it('refuses a 10 kB parameter before reading it', () => {
    expect(refusalOf(`portaldesk://helpdesk?q=${'a'.repeat(10_000)}`)).toBe('tooLong')
    expect(refusalOf(`portaldesk://helpdesk?ticket=${'%41'.repeat(3_400)}`)).toBe('tooLong')
    expect(refusalOf(`portaldesk://users/1?connection=${'x'.repeat(10_000)}`)).toBe('tooLong')
  })

  it('with no connections at all, no connection can be named', () => {
    expect(parseDeskLink('portaldesk://users/1?connection=Production', [])).toEqual({ ok: false, reason: 'unknownConnection' })
  })
})

describe('the same routes as hash routes', () => {
  const routes: DeskRoute[] = [
    { place: 'helpdesk' },
    { place: 'helpdesk', ticket: 'ZD-1234' },
    { place: 'helpdesk', ticket: 'ZD-1234', q: 'jane@example.com' },
    { place: 'helpdesk', q: 'a b&c=d+e' },
    { place: 'users', id: 123 }
  ]

  it.each(routes)('maps %j to a hash route and back', (route) => {
    const path = deskRoutePath(route)
    const [pathname = '', search = ''] = path.split(/(?=\?)/)
    expect(parseDeskPath(pathname, search)).toEqual({ ok: true, value: route })
  })

  it('spells the two routes of the links', () => {
    expect(deskRoutePath({ place: 'helpdesk', ticket: 'ZD-1234', q: 'jane@example.com' })).toBe('/helpdesk?ticket=ZD-1234&q=jane%40example.com')
    expect(deskRoutePath({ place: 'users', id: 123 })).toBe('/users/123')
  })

  it.each<[string, string, DeepLinkRefusal]>([
    ['/nowhere', '', 'unknownPlace'],
    ['/users/abc', '', 'invalidUserId'],
    ['/helpdesk', `?q=${'a'.repeat(10_000)}`, 'tooLong'],
    ['/helpdesk', '?connection=Production', 'unknownParameter'],
    ['/helpdesk', '?q=a&q=b', 'repeatedParameter'],
    ['/users/%2e%2e', '', 'unknownPlace']
  ])('refuses #%s%s (%s)', (pathname, search, reason) => {
    expect(parseDeskPath(pathname, search)).toEqual({ ok: false, reason })
  })

  it('a link as it crosses IPC is checked again by the same schema', () => {
    expect(deskLink.safeParse({ route: { place: 'users', id: 0 } }).success).toBe(false)
    expect(deskLink.safeParse({ route: { place: 'helpdesk', q: 'x'.repeat(201) } }).success).toBe(false)
    expect(deskLink.safeParse({ route: { place: 'users', id: 1, tab: 'x' } }).success).toBe(false)
    expect(deskLink.safeParse({ route: { place: 'helpdesk', ticket: 'ZD-1' }, connection: 'Production' }).success).toBe(true)
  })
})
