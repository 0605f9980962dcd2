// @vitest-environment jsdom
import './support/dom'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { AppProviders, createAppDependencies } from '../../../src/renderer/app/AppProviders'
import { appRoutes } from '../../../src/renderer/app/routes'
import { DeepLinkOpener } from '../../../src/renderer/features/deep-links/DeepLinkOpener'
import { buildDeskEvents, deskEvents } from '../../../src/shared/ipc/desk-events'
import { admin, fakeDesk, sessionState, type FakeDesk } from './support/fake-desk'
import { memoryStorage } from './support/render-app'

afterEach(cleanup)

const production = { id: 'prod', kind: 'remote', name: 'Production', url: 'https://portal.example.com' } as const

/** The app with main's events fed by the test, as the preload would feed them. */
function renderWithEvents(desk: FakeDesk, language: 'en' | 'zh-CN' = 'en') {
  let send: (payload: unknown) => void = () => undefined
  const events = buildDeskEvents((channel, handler) => {
    if (channel === deskEvents.deepLink.channel) send = handler
  })
  const dependencies = createAppDependencies({ desk, deskEvents: events, storage: memoryStorage(), systemLanguages: [language] })
  const router = createMemoryRouter(appRoutes, { initialEntries: ['/companies'] })
  const visited: string[] = []
  const navigate = (path: string) => {
    visited.push(path)
    void router.navigate(path)
  }
  render(
    <AppProviders dependencies={dependencies}>
      <RouterProvider router={router} />
      <DeepLinkOpener events={events} navigate={navigate} />
    </AppProviders>
  )
  return { router, visited, send: (payload: unknown) => send(payload) }
}

describe('links main hands to the renderer', () => {
  it('a link that came while the page loaded opens once the session is known', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    const { router, send } = renderWithEvents(desk)
    send({ ok: true, link: { route: { place: 'users', id: 5 } } })
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/5'))
  })

  it('switches to the connection the link names, then goes to the route (signed out there: behind the sign-in screen)', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin, connections: [...sessionState().connections, production] }))
    desk.connections.select.mockResolvedValue(sessionState({ connections: [...sessionState().connections, production], activeConnectionId: 'prod' }))
    const { router, send } = renderWithEvents(desk)
    await screen.findByTestId('signed-in')
    send({ ok: true, link: { route: { place: 'helpdesk', ticket: 'ZD-1234', q: 'jane@example.com' }, connection: 'Production' } })
    await waitFor(() => expect(router.state.location.pathname).toBe('/helpdesk'))
    expect(desk.connections.select).toHaveBeenCalledWith({ id: 'prod' })
    expect(router.state.location.search).toBe('?ticket=ZD-1234&q=jane%40example.com')
    expect(await screen.findByTestId('signed-out')).toBeTruthy()
  })

  it('a refused link says why in words and goes nowhere', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    const { router, send } = renderWithEvents(desk, 'zh-CN')
    await screen.findByTestId('signed-in')
    send({ ok: false, reason: 'unknownConnection' })
    expect(await screen.findByText('此链接未被打开')).toBeTruthy()
    expect(screen.getByText(/链接指定的连接不存在/)).toBeTruthy()
    expect(router.state.location.pathname).toBe('/companies')
  })

  it('ignores a payload that does not match the contract', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    const { router, visited, send } = renderWithEvents(desk)
    await screen.findByTestId('signed-in')
    for (const payload of [{ ok: true, link: { route: { place: 'users', id: -1 } } }, { ok: true, link: { route: { place: 'settings' } } }, 'javascript:alert(1)']) {
      send(payload)
      // A valid link after each, so that the test knows the bad one has been handled (and went nowhere).
      const next = visited.length + 1
      send({ ok: true, link: { route: { place: 'users', id: next } } })
      await waitFor(() => expect(router.state.location.pathname).toBe(`/users/${next}`))
    }
    expect(visited).toEqual(['/users/1', '/users/2', '/users/3'])
    expect(desk.connections.select).not.toHaveBeenCalled()
  })
})
