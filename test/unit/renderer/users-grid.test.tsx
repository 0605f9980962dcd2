// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppProviders, createAppDependencies } from '../../../src/renderer/app/AppProviders'
import { appRoutes } from '../../../src/renderer/app/routes'
import { userGridSettingsStorageKey } from '../../../src/renderer/stores/user-grid-settings'
import { DeskError } from '../../../src/shared/errors'
import type { UserListPage, UserListQuery } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem, type FakeDesk } from './support/fake-desk'
import { memoryStorage, renderApp } from './support/render-app'

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

describe('users grid: filters, remembered settings, bulk actions and export', () => {
  // jsdom has no element scrolling; the grid scrolls back to the top when the filters change.
  Element.prototype.scrollTo ??= () => undefined

  function renderWithStorage(desk: FakeDesk, storage: ReturnType<typeof memoryStorage>) {
    const dependencies = createAppDependencies({ desk, storage, systemLanguages: ['en'] })
    const router = createMemoryRouter(appRoutes, { initialEntries: ['/users'] })
    render(
      <AppProviders dependencies={dependencies}>
        <RouterProvider router={router} />
      </AppProviders>
    )
    return dependencies
  }

  it('starts from the filters, page size and columns remembered for this connection, and saves changes', async () => {
    const desk = signedInDesk()
    const storage = memoryStorage({
      [userGridSettingsStorageKey]: JSON.stringify({
        state: { byConnection: { local: { pageSize: 50, filters: { twoFactor: 'on', company: { id: 4, name: 'Northwind' } }, columns: ['name', 'login', 'company'] } } },
        version: 1
      })
    })
    renderWithStorage(desk, storage)

    await waitFor(() => expect(gridState()).toBe('ready'))
    // The very first request already carries them: the default view is never asked for.
    expect(desk.users.list.mock.calls[0]?.[0]).toMatchObject({ kind: 'portal', twoFactor: 'on', companyId: 4, limit: 50 })
    const chips = screen.getAllByTestId('filter-chip')
    expect(chips.map((chip) => chip.textContent)).toEqual(['2FA: On', 'Company: Northwind'])
    expect(screen.queryByRole('columnheader', { name: 'Email' })).toBeNull()
    expect(screen.getByRole('columnheader', { name: 'Company' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Remove the filter 2FA: On' }))
    await waitFor(() => expect(desk.users.list.mock.calls.at(-1)?.[0]).toEqual({ kind: 'portal', sort: 'name', companyId: 4, limit: 50 }))
    expect(screen.getAllByTestId('filter-chip')).toHaveLength(1)
    expect(JSON.parse(storage.getItem(userGridSettingsStorageKey) ?? '{}').state.byConnection.local.filters).toEqual({ company: { id: 4, name: 'Northwind' } })
  })

  it('runs a bulk action over the ticked users: skips, failures in words, and what the server did', async () => {
    const desk = signedInDesk()
    const page: UserListPage = {
      items: [userItem(21, { name: 'Ana Ok' }), userItem(22, { name: 'Ben NoMail', email: null }), userItem(23, { name: 'Cho Gone' }), userItem(24, { name: 'Dee Ok' })],
      nextCursor: null,
      facets
    }
    desk.users.list.mockResolvedValue(page)
    desk.security.sendResetLink.mockImplementation(({ id }) =>
      id === 23 ? Promise.reject(new DeskError('VALIDATION', 'archived', [{ path: 'active', message: 'archived' }])) : Promise.resolve({} as never)
    )
    renderWithStorage(desk, memoryStorage())
    await screen.findByText('Ana Ok')

    for (const name of ['Ana Ok', 'Ben NoMail', 'Cho Gone', 'Dee Ok']) fireEvent.click(screen.getByRole('checkbox', { name: `Select ${name}` }))
    expect(screen.getByTestId('bulk-count').textContent).toBe('Selected: 4')
    fireEvent.click(screen.getByTestId('bulk-sendResetLink'))

    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByTestId('bulk-consequence').textContent).toContain('Each of the 4 users')
    expect(within(dialog).getByTestId('bulk-skips-ahead').textContent).toBe('1 of them will be skipped: No email address (1).')
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-7' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await waitFor(() => expect(screen.getByTestId('bulk-run').getAttribute('data-state')).toBe('finished'))
    const run = screen.getByTestId('bulk-run')
    expect([run.dataset.done, run.dataset.skipped, run.dataset.failed, run.dataset.notStarted]).toEqual(['2', '1', '1', '0'])
    expect(desk.security.sendResetLink.mock.calls.map(([input]) => input)).toEqual([
      { id: 21, audit: { ticketRef: 'HD-7' } },
      { id: 23, audit: { ticketRef: 'HD-7' } },
      { id: 24, audit: { ticketRef: 'HD-7' } }
    ])
    expect(screen.getByTestId('bulk-summary').textContent).toBe('Finished. Sent: 2 · Skipped: 1 · Failed: 1')
    const failed = screen.getAllByTestId('bulk-result').find((row) => row.dataset.outcome === 'failed')
    expect(failed?.textContent).toContain('Cho Gone')
    expect(failed?.textContent).toContain('The user is archived')
  })

  it('"Select all matching" reads the whole filtered set, 200 at a time, beyond the loaded rows', async () => {
    const desk = signedInDesk()
    const many = Array.from({ length: 250 }, (_, i) => userItem(100 + i, { name: `Person ${String(i).padStart(3, '0')}` }))
    desk.users.list.mockImplementation((query: UserListQuery) => {
      const start = query.cursor ? Number(query.cursor) : 0
      const end = start + Number(query.limit ?? 50)
      return Promise.resolve({ items: many.slice(start, end), nextCursor: end < many.length ? String(end) : null, facets: { kind: { portal: 250, internal: 0 } } })
    })
    renderWithStorage(desk, memoryStorage())
    await screen.findByText('Person 000')

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Person 000' }))
    const offer = screen.getByTestId('select-all-matching')
    expect(offer.textContent).toBe('Select all 250 users matching the filter')
    fireEvent.click(offer)

    await screen.findByTestId('all-matching-selected')
    expect(screen.getByTestId('bulk-count').textContent).toBe('Selected: 250')
    const reads = desk.users.list.mock.calls.map(([query]) => query).filter((query) => query.limit === 200)
    expect(reads).toEqual([
      { kind: 'portal', sort: 'name', limit: 200 },
      { kind: 'portal', sort: 'name', limit: 200, cursor: '200' }
    ])
  })

  it('exports the filtered view as a CSV file through a download link', async () => {
    const desk = signedInDesk()
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:users')
    const revokeObjectURL = vi.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    renderWithStorage(desk, memoryStorage())
    await screen.findByText('Li Wei')

    fireEvent.click(screen.getByTestId('export-csv'))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0]?.download).toMatch(/^portal-users-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(clicked[0]?.href).toBe('blob:users')
    const bytes = new Uint8Array(await (createObjectURL.mock.calls[0]?.[0] as Blob).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.split('\r\n').slice(0, 3)).toEqual(['Name,Username,Email,Company,Website,Kind,Last sign-in', 'Li Wei,user10,user10@example.com,Acme,acme.example.com,Portal,', 'Maria Garcia,user11,user11@example.com,Acme,acme.example.com,Portal,'])
    expect(desk.users.list.mock.calls.at(-1)?.[0]).toEqual({ kind: 'portal', sort: 'name', limit: 200 })
    click.mockRestore()
  })
})
