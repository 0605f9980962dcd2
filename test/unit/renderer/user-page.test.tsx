// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../src/shared/audit'
import { DeskError } from '../../../src/shared/errors'
import type { PaymentMethodSummary, SignInAttempt } from '../../../src/shared/security'
import type { UserDetail } from '../../../src/shared/users'
import { admin, fakeDesk, sessionState, userItem } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)
// The General tab is a whole form: on a busy machine it takes longer than Testing Library's 1 s default to appear.

const detail: UserDetail = {
  ...userItem(42, { name: 'Li Wei', login: 'li.wei' }),
  namePrefix: 'Dr.',
  firstName: 'Wei',
  middleName: null,
  lastName: 'Li',
  nameSuffix: null,
  emails: ['wei@backup.example'],
  birthday: '1990-05-01',
  street: '1 Nanjing Road',
  street2: null,
  zip: '200000',
  state: null,
  invoiceDelivery: 'postal',
  locked: true,
  lockedUntil: '2026-05-01T10:00:00Z',
  twoFactor: true,
  mustChangePassword: false,
  role: null,
  language: 'en',
  city: 'Shanghai',
  country: 'CN',
  companyId: 3,
  websiteId: 3,
  createdAt: '2025-01-02T10:00:00Z',
  updatedAt: '2026-03-04T11:30:00Z'
}

const card: PaymentMethodSummary = {
  id: 5,
  provider: 'stripe',
  brand: 'Visa',
  masked: '•••• 4242',
  expiry: '08/2031',
  expired: false,
  addedAt: '2025-06-01T09:00:00Z'
}

const entry: AuditEntry = {
  id: '100',
  at: '2026-02-01T08:00:00Z',
  actor: { id: 1, login: 'admin', role: 'administrator' },
  target: { id: 42, login: 'li.wei', name: 'Li Wei' },
  action: 'user.update',
  changes: { phone: { from: null, to: '+86 21 5555 0000' } },
  ip: '127.0.0.1',
  userAgent: null,
  ticketRef: 'SUP-17',
  reason: 'Customer called'
}

const failedSignIn: SignInAttempt = {
  id: '7',
  at: '2026-02-02T08:00:00Z',
  success: false,
  audience: 'portal',
  ip: '203.0.113.9',
  userAgent: 'Mozilla/5.0 Firefox/140',
  reason: 'bad_password'
}

function signedIn() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  desk.users.get.mockResolvedValue(detail)
  return desk
}

function field(name: string): string {
  return document.querySelector(`[data-testid="user-detail"] [data-field="${name}"]`)?.textContent ?? ''
}

/** The value of one of the form's inputs (`data-testid="user-form-<name>"`). */
function inputValue(name: string): string {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="user-detail"] input[data-testid="user-form-${name}"], [data-testid="user-detail"] [data-testid="user-form-${name}"] input`)
  return input?.value ?? ''
}

describe('the user page', () => {
  it('opens on General with the issue-3 fields in the edit form, and asks for nothing else', async () => {
    const desk = signedIn()
    renderApp(desk, { path: '/users/42' })

    expect((await screen.findByTestId('user-detail-name')).textContent).toBe('Li Wei')
    expect(screen.getByRole('tab', { name: 'General', selected: true })).toBeTruthy()
    expect(inputValue('namePrefix')).toBe('Dr.')
    expect(inputValue('emails-0')).toBe('wei@backup.example')
    expect(inputValue('birthday')).toBe('05/01/1990')
    expect(inputValue('street')).toBe('1 Nanjing Road')
    expect(field('country')).toContain('China (CN)')
    expect(screen.getByRole('radio', { name: 'By post' })).toHaveProperty('checked', true)
    expect(field('signInLock')).toMatch(/^Locked until May 1, 2026/)
    expect(field('twoFactor')).toBe('On')
    expect(screen.getByTestId('save-user')).toHaveProperty('disabled', true)
    expect(desk.users.paymentMethods).not.toHaveBeenCalled()
    expect(desk.users.audit).not.toHaveBeenCalled()
    // The company and website lists are asked for only when opened; there is no avatar to fetch.
    expect(desk.companies.list).not.toHaveBeenCalled()
    expect(desk.users.avatar).not.toHaveBeenCalled()
  })

  it('puts the tab in the route, so a click is a history entry', async () => {
    const desk = signedIn()
    desk.users.paymentMethods.mockResolvedValue({ items: [card] })
    const { router } = renderApp(desk, { path: '/users/42' })

    fireEvent.click(await screen.findByRole('tab', { name: 'Payment methods' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/42/payment-methods'))
    expect((await screen.findByText('•••• 4242')).textContent).toBe('•••• 4242')
    expect(screen.getByText('08/2031')).toBeTruthy()
    expect(screen.getByTestId('payment-methods-hint').textContent).toContain('cannot be edited and must be re-entered')
    expect(desk.users.paymentMethods).toHaveBeenCalledWith({ id: 42 })

    await router.navigate(-1)
    await waitFor(() => expect(screen.getByRole('tab', { name: 'General', selected: true })).toBeTruthy())
  })

  it('says in words when there are no payment methods', async () => {
    const desk = signedIn()
    desk.users.paymentMethods.mockResolvedValue({ items: [] })
    renderApp(desk, { path: '/users/42/payment-methods' })

    expect(await screen.findByText('This user has no saved payment methods.')).toBeTruthy()
  })

  it('shows the audit timeline with changes as before → after, beside the sign-in history, and filters by action', async () => {
    const desk = signedIn()
    desk.users.audit.mockResolvedValue({ items: [entry], nextCursor: null })
    desk.users.signIns.mockResolvedValue({ items: [failedSignIn, { ...failedSignIn, id: '2', reason: 'otp_invalid' }], recentFailures: { count: 2, since: null } })
    renderApp(desk, { path: '/users/42/activity' })

    const item = await screen.findByTestId('audit-entry')
    expect(item.getAttribute('data-action')).toBe('user.update')
    expect(item.textContent).toContain('by admin (administrator)')
    expect(item.textContent).toContain('Ticket: SUP-17')
    expect(item.textContent).toContain('Reason: Customer called')
    expect(item.textContent).toContain('User details changed')
    expect(item.querySelector('[data-field="phone"]')?.textContent).toBe('Phone: — → +86 21 5555 0000')
    expect(desk.users.audit).toHaveBeenCalledWith({ userId: 42, limit: 50 })

    const history = await screen.findByTestId('sign-in-history')
    await waitFor(() => expect(history.textContent).toContain('203.0.113.9'))
    // A reason the desk knows is put in words; one it does not know is shown as the server recorded it.
    expect(history.textContent).toContain('Failedbad_password')
    expect(history.textContent).toContain('Failedwrong two-factor code')

    desk.users.audit.mockResolvedValue({ items: [], nextCursor: null })
    const filter = screen.getByRole('combobox', { name: 'Filter by action' })
    fireEvent.mouseDown(filter)
    fireEvent.change(filter, { target: { value: 'Password set' } })
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')).not.toBeNull())
    const option = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((node) => node.textContent === 'Password set by an administrator')
    if (!option) throw new Error('The filter does not offer "Password set by an administrator"')
    fireEvent.click(option)
    expect(await screen.findByText('No “Password set by an administrator” entries for this user.')).toBeTruthy()
    expect(desk.users.audit).toHaveBeenLastCalledWith({ userId: 42, limit: 50, action: 'password.set' })
  })

  it('explains a refusal of the security lists instead of showing an error', async () => {
    const desk = signedIn()
    desk.users.audit.mockResolvedValue({ items: [], nextCursor: null })
    desk.users.signIns.mockRejectedValue(new DeskError('FORBIDDEN'))
    renderApp(desk, { path: '/users/42/activity' })

    const notice = await screen.findByTestId('sign-ins-error')
    expect(notice.textContent).toContain('Support agents cannot see the security details of an internal user')
    expect(notice.getAttribute('role')).not.toBe('alert')
    expect(desk.users.signIns).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('Nothing has been recorded about this user yet.')).toBeTruthy()
  })

  it('treats an unknown tab as not found', async () => {
    const desk = signedIn()
    renderApp(desk, { path: '/users/42/passwords' })

    expect(await screen.findByTestId('user-not-found')).toBeTruthy()
    expect(desk.users.get).not.toHaveBeenCalled()
  })

  it('speaks Chinese on every tab', async () => {
    const desk = signedIn()
    desk.users.paymentMethods.mockResolvedValue({ items: [] })
    renderApp(desk, { path: '/users/42/payment-methods', language: 'zh-CN' })

    expect(await screen.findByRole('tab', { name: '支付方式', selected: true })).toBeTruthy()
    expect(await screen.findByText('该用户没有已保存的支付方式。')).toBeTruthy()
  })
})
