// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CompanyDetail } from '../../../src/shared/companies'
import { DeskError } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const company: CompanyDetail = {
  id: 3,
  name: 'Northwind Traders Ltd',
  vat: 'GB123456789',
  country: 'GB',
  userCount: 3,
  documentLocked: true,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  documents: { invoices: 4, orders: 2 },
  websites: [{ id: 3, name: 'Northwind Customer Portal', url: 'https://portal.northwind.example', companyId: 3, company: 'Northwind Traders Ltd' }],
  users: [
    { id: 11, name: 'Ann Active', username: 'ann', website: 'Northwind Customer Portal', status: 'active' },
    { id: 12, name: 'Archie Archived', username: 'archie', website: 'Northwind Customer Portal', status: 'archived' },
    { id: 13, name: 'Del Deleted', username: '__deleted_user_13', website: null, status: 'deleted' }
  ]
}

function signedIn(role: 'administrator' | 'support' = 'administrator') {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: { ...admin, role } }))
  desk.companies.get.mockResolvedValue(company)
  return desk
}

const rowOf = (userId: number) => {
  const row = document.querySelector<HTMLElement>(`[data-testid="company-user-row"][data-user-id="${userId}"]`)
  if (!row) throw new Error(`no row for user ${userId}`)
  return row
}

async function companyShown() {
  await waitFor(() => expect(document.querySelector('[data-testid="company-page"][data-state="ready"]')).not.toBeNull())
}

describe('the company page', () => {
  it('shows the facts, the document lock and the Users subtab with Name, Username, Website and the Edit and Delete buttons', async () => {
    renderApp(signedIn(), { path: '/companies/3' })
    await companyShown()
    expect(screen.getByTestId('company-name').textContent).toBe('Northwind Traders Ltd')
    expect(screen.getByTestId('company-document-lock').textContent).toContain('locked')
    const headers = [...screen.getByTestId('company-users').querySelectorAll('thead th')].map((th) => th.textContent)
    expect(headers).toEqual(['Name', 'Username', 'Website', 'Actions'])
    expect(screen.getAllByTestId('company-user-row')).toHaveLength(3)
    expect(within(rowOf(11)).queryByTestId('company-user-status')).toBeNull()
    expect(within(rowOf(12)).getByTestId('company-user-status').textContent).toBe('No portal access')
    expect(within(rowOf(13)).getByTestId('company-user-status').textContent).toBe('Deleted')
    // Nothing more can be done with a deleted account.
    expect(within(rowOf(13)).getByTestId<HTMLButtonElement>('company-user-edit').disabled).toBe(true)
    expect(within(rowOf(13)).getByTestId<HTMLButtonElement>('company-user-delete').disabled).toBe(true)
  })

  it('Delete revokes portal access by default, passes the ticket on, and reloads the company', async () => {
    const desk = signedIn()
    desk.security.portalAccess.mockResolvedValue({ userId: 11, action: 'revoke', active: false, sessionsRevoked: 2, mailId: null, mailStatus: null, version: 5 })
    renderApp(desk, { path: '/companies/3' })
    await companyShown()
    fireEvent.click(within(rowOf(11)).getByTestId('company-user-delete'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByTestId('action-target').textContent).toContain('Ann Active (ann)')
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /Revoke portal access/ }).checked).toBe(true)
    expect(within(dialog).queryByTestId('action-confirmation')).toBeNull()
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-7' } })
    const loadsBefore = desk.companies.get.mock.calls.length
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    await waitFor(() => expect(desk.security.portalAccess).toHaveBeenCalledWith({ id: 11, action: 'revoke', audit: { ticketRef: 'HD-7' } }))
    await waitFor(() => expect(desk.companies.get.mock.calls.length).toBeGreaterThan(loadsBefore))
    expect(desk.users.delete).not.toHaveBeenCalled()
  })

  it('an archived user can only be deleted, with the typed username and the block list ticked', async () => {
    const desk = signedIn()
    desk.users.delete.mockRejectedValue(new DeskError('UNAVAILABLE'))
    renderApp(desk, { path: '/companies/3' })
    await companyShown()
    fireEvent.click(within(rowOf(12)).getByTestId('company-user-delete'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /Revoke portal access/ }).disabled).toBe(true)
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /Delete account/ }).checked).toBe(true)
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /block list/ }).checked).toBe(true)
    fireEvent.change(within(dialog).getByTestId('action-confirmation'), { target: { value: 'archie' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    await waitFor(() => expect(desk.users.delete).toHaveBeenCalledWith({ id: 12, blocklist: true, audit: {} }))
    // A failure keeps the dialog open and says so in words.
    expect((await within(dialog).findByTestId('action-error')).textContent).toContain(String('The portal database is not available'))
  })

  it('a support agent can edit credentials but neither add users nor stop access', async () => {
    renderApp(signedIn('support'), { path: '/companies/3' })
    await companyShown()
    expect(screen.getByTestId<HTMLButtonElement>('add-company-user').disabled).toBe(true)
    expect(within(rowOf(11)).getByTestId<HTMLButtonElement>('company-user-delete').disabled).toBe(true)
    expect(within(rowOf(11)).getByTestId<HTMLButtonElement>('company-user-edit').disabled).toBe(false)
  })

  it('an unknown company says so instead of a white screen', async () => {
    const desk = signedIn()
    desk.companies.get.mockRejectedValue(new DeskError('NOT_FOUND'))
    renderApp(desk, { path: '/companies/99' })
    expect(await screen.findByTestId('company-not-found')).toBeTruthy()
  })
})

describe('the companies list', () => {
  it('searches by name or VAT on the server and marks companies whose documents lock the country', async () => {
    const desk = signedIn()
    desk.companies.list.mockImplementation(({ q }) =>
      Promise.resolve({
        items: [{ id: 3, name: q ? `Match for ${q}` : 'Northwind Traders Ltd', vat: null, country: 'GB', userCount: 3, documentLocked: !q }],
        nextCursor: null
      })
    )
    renderApp(desk, { path: '/companies' })
    await waitFor(() => expect(document.querySelector('[data-testid="companies-list"][data-state="ready"]')).not.toBeNull())
    expect(document.querySelector('[data-field="locked"]')?.getAttribute('data-locked')).toBe('true')
    fireEvent.change(screen.getByTestId('company-search'), { target: { value: 'GB123' } })
    await waitFor(() => expect(document.querySelector('[data-testid="companies-list"][data-state="ready"][data-q="GB123"]')).not.toBeNull())
    expect(desk.companies.list).toHaveBeenLastCalledWith({ limit: 50, q: 'GB123' })
    expect(document.querySelector('[data-field="name"]')?.textContent).toBe('Match for GB123')
  })
})
