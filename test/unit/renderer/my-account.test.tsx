// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { OperatorAccount } from '../../../src/shared/operator-account'
import type { SessionSummary } from '../../../src/shared/security'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const strongPassword = 'Quartz-Lantern-Orbit-58'
const secret = 'JBSWY3DPEHPK3PXP'
const otpauthUri = `otpauth://totp/PortalDesk:admin?secret=${secret}&issuer=PortalDesk`

function signedInDesk() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
  return desk
}

const twoFactor = (state: Partial<OperatorAccount['twoFactor']> = {}): OperatorAccount => ({ twoFactor: { enabled: false, enabledAt: null, required: false, ...state } })

const session = (id: string, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  id,
  audience: 'operator',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  ip: '203.0.113.7',
  startedAt: '2026-03-01T10:00:00Z',
  lastSeenAt: '2026-03-02T10:00:00Z',
  expiresAt: '2099-01-01T00:00:00Z',
  revokedAt: null,
  status: 'active',
  current: false,
  ...overrides
})

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const type = (id: string, value: string) => fireEvent.change(byTestId(id), { target: { value } })
const valueOf = (id: string) => byTestId<HTMLInputElement>(id).value

/** Current, new and repeat; then waits for zxcvbn (loaded lazily) to rate the new one. */
async function fillPasswords(current: string, next: string, repeat: string) {
  await screen.findByTestId('account-password')
  type('account-current-password', current)
  type('account-new-password-input', next)
  type('account-repeat-password', repeat)
  await waitFor(() => expect(Number(byTestId('password-strength').getAttribute('data-score'))).toBeGreaterThanOrEqual(3), { timeout: 10_000 })
}

describe('My account: password', () => {
  it('refuses a repeat that differs, without calling the desk', async () => {
    const desk = signedInDesk()
    renderApp(desk, { path: '/account/password' })
    await fillPasswords('old-password', strongPassword, 'Quartz-Lantern-Orbit-59')
    fireEvent.click(byTestId('account-password-submit'))

    expect(await screen.findByText('The two new passwords are not the same.')).toBeTruthy()
    expect(desk.account.changePassword).not.toHaveBeenCalled()
  })

  it('puts a wrong current password on its field and clears only that field', async () => {
    const desk = signedInDesk()
    desk.account.changePassword.mockRejectedValue(new DeskError('INVALID_CREDENTIALS', 'Invalid login or password'))
    renderApp(desk, { path: '/account/password' })
    await fillPasswords('not-my-password', strongPassword, strongPassword)
    fireEvent.click(byTestId('account-password-submit'))

    expect(await screen.findByText('This is not your current password.')).toBeTruthy()
    expect(valueOf('account-current-password')).toBe('')
    expect(valueOf('account-new-password-input')).toBe(strongPassword)
    expect(valueOf('account-repeat-password')).toBe(strongPassword)
    expect(screen.queryByTestId('account-password-error')).toBeNull()
    // Still signed in: a wrong current password is no reason to end the session.
    expect(screen.getByTestId('signed-in')).toBeTruthy()
  })

  it('sends the current and new password only, then clears the form', async () => {
    const desk = signedInDesk()
    desk.account.changePassword.mockResolvedValue({ sessionsRevoked: 2 })
    renderApp(desk, { path: '/account/password' })
    await fillPasswords('old-password', strongPassword, strongPassword)
    fireEvent.click(byTestId('account-password-submit'))

    expect(await screen.findByText('Your password was changed. 2 other sessions were signed out.')).toBeTruthy()
    expect(desk.account.changePassword).toHaveBeenCalledTimes(1)
    expect(desk.account.changePassword.mock.calls[0]?.[0]).toStrictEqual({ currentPassword: 'old-password', newPassword: strongPassword })
    await waitFor(() => expect(['account-current-password', 'account-new-password-input', 'account-repeat-password'].map(valueOf)).toEqual(['', '', '']))
  })
})

describe('My account: two-factor authentication', () => {
  it('turns it on: password, QR code and key, a wrong code, then the right one', async () => {
    const desk = signedInDesk()
    desk.account.get.mockResolvedValue(twoFactor())
    desk.account.begin2fa.mockResolvedValue({ secret, otpauthUri })
    desk.account.confirm2fa.mockRejectedValueOnce(new DeskError('VALIDATION', 'The code is not valid.'))
    renderApp(desk, { path: '/account/two-factor' })

    expect((await screen.findByTestId('two-factor-state')).textContent).toBe('Off')
    fireEvent.click(byTestId('two-factor-on'))
    type('two-factor-password', 'my-password')
    fireEvent.click(byTestId('two-factor-next'))

    const qr = await screen.findByTestId('two-factor-qr')
    expect(desk.account.begin2fa).toHaveBeenCalledWith({ password: 'my-password' })
    expect(qr.querySelector('svg')).not.toBeNull()
    expect(qr.getAttribute('aria-label')).toBe('QR code for your authenticator app')
    expect(byTestId('two-factor-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP')

    type('two-factor-code', '654321')
    fireEvent.click(byTestId('two-factor-verify'))
    expect(await screen.findByText('This code is not valid. Check the time on your phone and enter the new code.')).toBeTruthy()
    expect(valueOf('two-factor-code')).toBe('')
    expect(screen.getByTestId('two-factor-qr')).toBeTruthy()
    expect(desk.session.state).toHaveBeenCalledTimes(1)

    const enabled = twoFactor({ enabled: true, enabledAt: '2026-03-01T10:00:00Z' })
    desk.account.confirm2fa.mockResolvedValue(enabled)
    desk.account.get.mockResolvedValue(enabled)
    type('two-factor-code', '123 456')
    fireEvent.click(byTestId('two-factor-verify'))

    await waitFor(() => expect(byTestId('account-two-factor').getAttribute('data-enabled')).toBe('true'))
    expect(desk.account.confirm2fa).toHaveBeenLastCalledWith({ code: '123456' })
    expect(desk.session.state).toHaveBeenCalledTimes(2)
    expect(screen.queryByTestId('two-factor-setup')).toBeNull()
  })

  it('cannot be turned off when the portal requires it', async () => {
    const desk = signedInDesk()
    desk.account.get.mockResolvedValue(twoFactor({ enabled: true, enabledAt: '2026-03-01T10:00:00Z', required: true }))
    renderApp(desk, { path: '/account/two-factor' })

    expect(await screen.findByTestId('two-factor-off')).toHaveProperty('disabled', true)
    expect(screen.getByText('Required by this portal')).toBeTruthy()
  })
})

describe('My account: sessions', () => {
  it('marks this device, offers Sign out on the others, and signs out everywhere else', async () => {
    const desk = signedInDesk()
    const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
    desk.account.sessions.mockResolvedValueOnce({ items: [session('7', { current: true }), session('8', { userAgent: chrome })] })
    desk.account.revokeOtherSessions.mockResolvedValue({ revoked: 1 })
    renderApp(desk, { path: '/account/sessions' })

    await waitFor(() => expect(screen.getAllByTestId('account-session-row')).toHaveLength(2))
    const [current, other] = screen.getAllByTestId('account-session-row') as [HTMLElement, HTMLElement]
    expect(current.getAttribute('data-current')).toBe('true')
    expect(current.textContent).toContain('Firefox · Linux')
    expect(within(current).getByText('This device')).toBeTruthy()
    expect(within(current).queryByTestId('account-end-session')).toBeNull()
    expect(within(other).queryByText('This device')).toBeNull()
    expect(within(other).getByRole('button', { name: 'Sign out the session on Chrome · Windows' })).toBeTruthy()

    desk.account.sessions.mockResolvedValue({ items: [session('7', { current: true })] })
    const everywhereElse = byTestId('account-end-other-sessions')
    expect(everywhereElse).toHaveProperty('disabled', false)
    fireEvent.click(everywhereElse)

    await waitFor(() => expect(screen.getAllByTestId('account-session-row')).toHaveLength(1))
    expect(desk.account.revokeOtherSessions).toHaveBeenCalledTimes(1)
    expect(desk.account.revokeSession).not.toHaveBeenCalled()
    await waitFor(() => expect(byTestId('account-end-other-sessions')).toHaveProperty('disabled', true))
    // The reason is visible text the disabled button points to (a disabled button takes no focus, so no tooltip).
    const reasonId = byTestId('account-end-other-sessions').getAttribute('aria-describedby')
    expect(reasonId && document.getElementById(reasonId)?.textContent).toBe('You are signed in nowhere else.')
  })
})

describe('the two-factor setup the portal requires', () => {
  const mustSetUp = () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: { ...admin, twoFactorSetupRequired: true } }))
    return desk
  }

  it('replaces the desk, even at #/users', async () => {
    const desk = mustSetUp()
    renderApp(desk, { path: '/users' })

    const guide = await screen.findByTestId('two-factor-required')
    expect(guide.textContent).toContain('Set up two-factor authentication to continue')
    expect(within(guide).getByTestId('two-factor-password')).toBeTruthy()
    expect(screen.queryByTestId('users-page')).toBeNull()
    expect(screen.queryByTestId('users-grid')).toBeNull()
    expect(desk.users.list).not.toHaveBeenCalled()
  })

  it('says so in Chinese, on My account too', async () => {
    const desk = mustSetUp()
    renderApp(desk, { path: '/account/password', language: 'zh-CN' })

    expect((await screen.findByTestId('two-factor-required')).textContent).toContain('请先设置双重身份验证')
    expect(screen.queryByTestId('account-page')).toBeNull()
  })
})

describe('the account menu in the header', () => {
  it('opens from the keyboard and lists Password, Two-factor authentication, Sessions, Sign out', async () => {
    const desk = signedInDesk()
    desk.account.sessions.mockResolvedValue({ items: [session('7', { current: true })] })
    const { router } = renderApp(desk, { path: '/account/sessions' })

    const trigger = await screen.findByTestId('account-menu')
    expect(trigger.tagName).toBe('BUTTON')
    expect(screen.getByRole('button', { name: 'My account: Ada Admin' })).toBe(trigger)
    // A focused native <button> turns Enter / Space into a click in a browser; jsdom does not, so the click stands in for it.
    trigger.focus()
    expect(document.activeElement).toBe(trigger)
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu')
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(trigger)

    // Named, so that it is told apart from the header's navigation (a role="menu" too).
    const menu = await screen.findByRole('menu', { name: 'My account' })
    await waitFor(() => expect(trigger.getAttribute('aria-expanded')).toBe('true'))
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual(['Password', 'Two-factor authentication', 'Sessions', 'Sign out'])

    // Tab moves into the open menu, on its first item; Enter picks it. (Arrow keys skip items jsdom
    // reports as invisible, having no layout: they are left to the browser tests.)
    fireEvent.keyDown(window, { key: 'Tab', code: 'Tab', keyCode: 9 })
    await waitFor(() => expect(document.activeElement).toBe(items[0]))
    fireEvent.keyDown(items[0] as HTMLElement, { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() => expect(router.state.location.pathname).toBe('/account/password'))
  })
})
