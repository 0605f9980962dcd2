import { describe, expect, it } from 'vitest'
import { planDeepLink } from '../../../src/renderer/features/deep-links/open-deep-link'
import type { SessionState } from '../../../src/shared/session'

const session: Pick<SessionState, 'connections' | 'activeConnectionId'> = {
  connections: [
    { id: 'local', kind: 'embedded', name: 'Local portal' },
    { id: 'prod', kind: 'remote', name: 'Production', url: 'https://portal.example.com' },
    { id: 'twin-a', kind: 'remote', name: 'Twin', url: 'https://a.example.com' },
    { id: 'twin-b', kind: 'remote', name: 'Twin', url: 'https://b.example.com' }
  ],
  activeConnectionId: 'local'
}

describe('opening a link in the renderer', () => {
  it('goes to the route on the active connection when the link names none', () => {
    expect(planDeepLink({ route: { place: 'users', id: 5 } }, session)).toEqual({ ok: true, path: '/users/5', connectionId: null })
  })

  it('switches to the connection the link names first', () => {
    expect(planDeepLink({ route: { place: 'users', id: 5 }, connection: 'Production' }, session)).toEqual({ ok: true, path: '/users/5', connectionId: 'prod' })
  })

  it('does not switch when the named connection is the active one', () => {
    expect(planDeepLink({ route: { place: 'helpdesk', q: 'jane' }, connection: 'Local portal' }, session)).toEqual({ ok: true, path: '/helpdesk?q=jane', connectionId: null })
  })

  it('refuses a name that is gone or shared by two connections', () => {
    expect(planDeepLink({ route: { place: 'users', id: 5 }, connection: 'Gone' }, session)).toEqual({ ok: false, reason: 'unknownConnection' })
    expect(planDeepLink({ route: { place: 'users', id: 5 }, connection: 'Twin' }, session)).toEqual({ ok: false, reason: 'unknownConnection' })
  })
})
