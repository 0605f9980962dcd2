// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { UserListPage, UserListQuery } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem, type FakeDesk } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const facets = { kind: { portal: 280, internal: 20 } }

const portalPage: UserListPage = {
  items: [userItem(10, { name: 'Li Wei' }), userItem(11, { name: 'Maria Garcia' })],
  nextCursor: null,
  facets
}
const internalPage: UserListPage = {
  items: [
    userItem(1, { kind: 'internal', login: 'admin', name: 'Ada Admin' }),
    userItem(2, { kind: 'internal', login: 'support', name: 'Sam Support' })
  ],
  nextCursor: null,
  facets
}

function signedInDesk(): FakeDesk {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  desk.users.list.mockImplementation((query: UserListQuery) => Promise.resolve(query.kind === 'internal' ? internalPage : portalPage))
  return desk
}

function gridState() {
  return screen.getByTestId('users-grid').getAttribute('data-state')
}

describe('users grid', () => {
  it('starts on portal users and labels each filter with its count from the facets', async () => {
    const desk = signedInDesk()
    renderApp(desk, { path: '/users' })

    await waitFor(() => expect(screen.getByTestId('kind-filter-portal').getAttribute('data-count')).toBe('280'))
    expect(screen.getByTestId('kind-filter-portal').textContent).toBe('Portal Users280')
    expect(screen.getByTestId('kind-filter-internal').textContent).toBe('Internal Users20')
    expect(screen.getByTestId('kind-filter-all').textContent).toBe('All300')
    expect(desk.users.list).toHaveBeenCalledTimes(1)
    expect(desk.users.list.mock.calls[0]?.[0]).toMatchObject({ kind: 'portal', sort: 'name' })
    await waitFor(() => expect(gridState()).toBe('ready'))
    expect(screen.getByText('Li Wei')).toBeTruthy()
  })

  it('switches to internal users without leaving the page', async () => {
    const desk = signedInDesk()
    const { router } = renderApp(desk, { path: '/users' })
    await screen.findByText('Li Wei')

    fireEvent.click(screen.getByTestId('kind-filter-internal'))

    await screen.findByText('Ada Admin')
    await waitFor(() => expect(gridState()).toBe('ready'))
    expect(screen.getByTestId('users-grid').getAttribute('data-kind')).toBe('internal')
    expect(screen.queryByText('Li Wei')).toBeNull()
    expect(desk.users.list.mock.calls.at(-1)?.[0]).toMatchObject({ kind: 'internal' })
    expect(router.state.location.pathname).toBe('/users')
    // The counts do not depend on the filter, so they stay.
    expect(screen.getByTestId('kind-filter-portal').getAttribute('data-count')).toBe('280')
  })

  it('shows a load failure in words with a working Retry', async () => {
    const desk = signedInDesk()
    desk.users.list.mockRejectedValueOnce(new DeskError('FORBIDDEN'))
    renderApp(desk, { path: '/users' })

    const alert = await screen.findByTestId('users-error')
    expect(alert.textContent).toContain('The users could not be loaded.')
    expect(alert.textContent).toContain('Your role does not allow this action.')

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('Li Wei')).toBeTruthy()
  })

  it('goes back to the sign-in screen with a message when the session has expired', async () => {
    const desk = signedInDesk()
    desk.users.list.mockRejectedValue(new DeskError('UNAUTHORIZED'))
    desk.session.signOut.mockResolvedValue(sessionState())
    renderApp(desk, { path: '/users' })

    expect(await screen.findByTestId('signed-out')).toBeTruthy()
    expect(screen.getByTestId('session-expired').textContent).toContain('Your session has ended. Please sign in again.')
    expect(desk.session.signOut).toHaveBeenCalledTimes(1)
  })
})
