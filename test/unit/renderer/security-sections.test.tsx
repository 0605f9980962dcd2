// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { SessionSummary } from '../../../src/shared/security'
import { deviceOf } from '../../../src/renderer/features/security/user-agent'
import { securityDesk, securityUser } from './security-fixtures'
import { renderApp } from './support/render-app'

afterEach(cleanup)

function dialogOf(testId: string): HTMLElement {
  const dialog = document.querySelector<HTMLElement>(`[data-testid="${testId}-dialog"][data-step]`)
  if (!dialog) throw new Error(`The ${testId} dialog is not open`)
  return dialog
}

async function openDialog(testId: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId(testId))
  return waitFor(() => dialogOf(testId))
}

const session = (id: string, overrides: Partial<SessionSummary> = {}): SessionSummary => ({
  id,
  audience: 'portal',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  ip: '203.0.113.7',
  startedAt: '2026-03-01T10:00:00Z',
  lastSeenAt: '2026-03-02T10:00:00Z',
  expiresAt: '2099-01-01T00:00:00Z',
  revokedAt: null,
  status: 'active',
  current: false,
  ...overrides
})

describe('the Security tab', () => {
  it('sits between General and Payment methods, in its own route, and speaks Chinese', async () => {
    const desk = securityDesk()
    renderApp(desk, { path: '/users/42/security', language: 'zh-CN' })

    const tab = await screen.findByRole('tab', { name: '安全', selected: true })
    const names = [...document.querySelectorAll('[role="tab"]')].map((node) => node.textContent)
    expect(names.indexOf(tab.textContent)).toBe(1)
    expect(await screen.findByText('发送密码重置链接')).toBeTruthy()
    expect(screen.getByText('授予门户访问权限')).toBeTruthy()
  })

  it('disables Invite to use 2FA with the reason when 2FA is on, and hides portal access for internal users', async () => {
    const desk = securityDesk(securityUser({ twoFactor: true, kind: 'internal', role: 'support' }))
    renderApp(desk, { path: '/users/42/security' })

    const invite = await screen.findByTestId('invite-2fa')
    expect(invite).toHaveProperty('disabled', true)
    expect(screen.getByTestId('invite-2fa-reason').textContent).toBe('Two-factor authentication is already on for this user: there is nothing to invite them to.')
    expect(invite.getAttribute('aria-describedby')).toBe(screen.getByTestId('invite-2fa-reason').id)
    expect(screen.getByTestId('disable-2fa')).toHaveProperty('disabled', false)
    expect(screen.getByTestId('two-factor-status').textContent).toBe('On')
    expect(screen.queryByTestId('security-portal-access')).toBeNull()
  })

  it('changes the password with both boxes ticked by default, and puts the server’s policy refusal on the field', async () => {
    const desk = securityDesk()
    desk.security.setPassword.mockRejectedValue(
      new DeskError('VALIDATION', 'Some values are not valid.', [{ path: 'password', message: 'This password is too common or too easy to guess. Use a longer phrase of several unrelated words.' }])
    )
    renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('change-password')
    expect(within(dialog).getByTestId('change-password-login').textContent).toBe('li.wei')
    expect(within(dialog).getByTestId('change-password-must-change').closest('label')?.querySelector('input')).toHaveProperty('checked', true)
    expect(within(dialog).getByTestId('change-password-notify').closest('label')?.querySelector('input')).toHaveProperty('checked', true)
    expect(dialog.textContent).toContain('it never contains the password')

    // A long random phrase passes the desk's own estimate; the (stubbed) server still refuses it.
    fireEvent.change(within(dialog).getByTestId('new-password-input'), { target: { value: 'violet-anchor-quarry-lantern-91' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await waitFor(() => expect(desk.security.setPassword).toHaveBeenCalled())
    expect(desk.security.setPassword).toHaveBeenCalledWith({ id: 42, password: 'violet-anchor-quarry-lantern-91', mustChange: true, notify: true, audit: {} })
    expect(await within(dialog).findByText(/The server refused this password: it is too common or too easy to guess/)).toBeTruthy()
    expect(within(dialog).getByTestId<HTMLInputElement>('new-password-input').value).toBe('violet-anchor-quarry-lantern-91')
  })

  it('cannot notify a user without an email, and says why', async () => {
    const desk = securityDesk(securityUser({ email: null }))
    renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('change-password')
    const notify = within(dialog).getByTestId('change-password-notify').closest('label')?.querySelector('input')
    expect(notify).toHaveProperty('checked', false)
    expect(notify).toHaveProperty('disabled', true)
    expect(dialog.textContent).toContain('The user has no email address, so no one can be notified.')
    expect(screen.getByTestId('send-reset-link')).toHaveProperty('disabled', true)
  })

  it('signs out one session and refetches the list from the server', async () => {
    const desk = securityDesk()
    desk.security.sessions.mockResolvedValueOnce({ items: [session('11'), session('12', { userAgent: null, ip: null })] })
    desk.security.revokeSession.mockResolvedValue({ revoked: 1 })
    renderApp(desk, { path: '/users/42/security' })

    const rows = await screen.findAllByTestId('session-row')
    expect(rows).toHaveLength(2)
    expect(rows[0]?.textContent).toContain('Chrome · Windows')
    expect(rows[1]?.textContent).toContain('Unknown')

    desk.security.sessions.mockResolvedValue({ items: [session('12')] })
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('revoke-session'))
    const dialog = await waitFor(() => dialogOf('revoke-session'))
    expect(dialog.textContent).toContain('Chrome · Windows (IP 203.0.113.7)')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(1))
    expect(desk.security.revokeSession).toHaveBeenCalledWith({ id: 42, sessionId: '11', audit: {} })
    expect(await screen.findByText('The session was signed out.')).toBeTruthy()
  })

  it('unlocks, and shows the failure count the server keeps, refetched: back to 0 after the unlock', async () => {
    const failure = { id: '5', at: '2026-03-04T11:00:00Z', success: false, audience: 'portal' as const, ip: '203.0.113.9', userAgent: null, reason: 'wrong_password' }
    const desk = securityDesk(securityUser({ locked: true, lockedUntil: '2099-03-04T11:15:00Z' }))
    desk.users.signIns.mockResolvedValue({ items: [failure, { ...failure, id: '4' }], recentFailures: { count: 10, since: null } })
    desk.security.unlock.mockResolvedValue({ locked: false, lockedUntil: null, version: 1 })
    renderApp(desk, { path: '/users/42/security' })
    await waitFor(() => expect(screen.getByTestId('failed-attempts').textContent).toBe('10'))

    desk.users.get.mockResolvedValue(securityUser())
    desk.users.signIns.mockResolvedValue({ items: [failure, { ...failure, id: '4' }], recentFailures: { count: 0, since: '2026-03-04T11:05:00Z' } })
    const dialog = await openDialog('unlock')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))
    await waitFor(() => expect(screen.getByTestId('failed-attempts').textContent).toBe('0'))
    // The failures before the unlock are history now: the Activity tab keeps them, this section does not list them.
    expect(screen.queryByText(/203\.0\.113\.9/)).toBeNull()
  })

  it('deletes a payment method after confirmation, and shows why cards cannot be edited', async () => {
    const desk = securityDesk()
    const card = { id: 5, provider: 'demo', brand: 'visa', masked: '•••• 4242', expiry: '08/2031', expired: false, addedAt: '2025-06-01T09:00:00Z' }
    desk.users.paymentMethods.mockResolvedValueOnce({ items: [card] })
    desk.users.deletePaymentMethod.mockResolvedValue({ deleted: true })
    renderApp(desk, { path: '/users/42/payment-methods' })

    const row = await screen.findByTestId('payment-method-row')
    expect(screen.getByTestId('payment-methods-hint').textContent).toContain('must be re-entered')
    desk.users.paymentMethods.mockResolvedValue({ items: [] })
    fireEvent.click(within(row).getByTestId('delete-payment-method'))
    const dialog = await waitFor(() => dialogOf('delete-payment-method'))
    expect(dialog.textContent).toContain('Visa •••• 4242 (expires 08/2031)')
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    expect(await screen.findByText('This user has no saved payment methods.')).toBeTruthy()
    expect(desk.users.deletePaymentMethod).toHaveBeenCalledWith({ id: 42, paymentMethodId: 5, audit: {} })
  })

  it('shows a deleted account as deleted, with nothing left to act on', async () => {
    const desk = securityDesk(securityUser({ deletedAt: '2026-03-05T09:00:00Z', active: false, login: '__deleted_user_42', email: null }))
    renderApp(desk, { path: '/users/42/security' })

    expect((await screen.findByTestId('security-deleted')).textContent).toContain('This account was deleted')
    expect(screen.queryByTestId('change-password')).toBeNull()
    expect(desk.security.sessions).not.toHaveBeenCalled()
  })
})

describe('devices', () => {
  it('summarises a user agent as browser and system', () => {
    expect(deviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari · iOS')
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe('Firefox · Linux')
    expect(deviceOf('curl/8.0')).toBeNull()
    expect(deviceOf('PortalDesk/0.1.0 (Windows NT)')).toBe('PortalDesk · Windows')
    expect(deviceOf('PortalDesk/0.1.0 (Macintosh; Mac OS X)')).toBe('PortalDesk · macOS')
    expect(deviceOf(null)).toBeNull()
  })
})
