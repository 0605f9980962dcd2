// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { pendingLink, securityDesk, securityUser } from './security-fixtures'
import { renderApp } from './support/render-app'

afterEach(cleanup)

/** The open dialog of the action whose button has `testId` (the dialog's test id is `<testId>-dialog`). */
async function openDialog(testId: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId(testId))
  return waitFor(() => {
    const dialog = openDialogOf(testId)
    if (!dialog) throw new Error(`The ${testId} dialog did not open`)
    return dialog
  })
}

/** jsdom runs no CSS animations: a dialog that closes stays in the DOM, leaving. */
function closing(dialog: HTMLElement): boolean {
  return dialog.closest('.ant-modal')?.classList.contains('ant-zoom-leave') === true
}

/** The Modal carries the test id too: the dialog's body is the element with `data-step`. */
function openDialogOf(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}-dialog"][data-step]`)
}

describe('the shared ActionDialog, on the Security tab', () => {
  it('confirms on submit (Enter), sends the ticket and reason, refreshes the latest link and links the notice to the audit entry', async () => {
    const desk = securityDesk()
    desk.security.sendResetLink.mockResolvedValue({ link: pendingLink(), supersededCount: 0, mailId: '1', mailStatus: 'pending' })
    const { router } = renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('send-reset-link')
    expect(within(dialog).getByTestId('action-target').textContent).toBe('User: Li Wei (li.wei)')
    expect(within(dialog).getByTestId('action-consequence').textContent).toContain('li.wei@example.com')
    // The link is asked for once when the tab opens, and again once the action succeeded.
    desk.security.resetLink.mockResolvedValue({ link: pendingLink() })
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-42' } })
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: 'Forgot the password' } })
    fireEvent.submit(within(dialog).getByTestId('action-reason').closest('form') as HTMLFormElement)

    await waitFor(() => expect(desk.security.sendResetLink).toHaveBeenCalledWith({ id: 42, audit: { ticketRef: 'HD-42', reason: 'Forgot the password' } }))
    const status = await screen.findByTestId('reset-link-status')
    expect(status.getAttribute('data-status')).toBe('pending')
    expect(desk.security.resetLink).toHaveBeenCalledTimes(2)

    const notice = await screen.findByText('A password reset link for li.wei@example.com was created.')
    expect(notice).toBeTruthy()
    expect(closing(dialog)).toBe(true)
    fireEvent.click(screen.getByTestId('notice-audit-link'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/42/activity'))
    expect(router.state.location.search).toBe('?action=password.resetLink')
    await waitFor(() => expect(desk.users.audit).toHaveBeenLastCalledWith({ userId: 42, limit: 50, action: 'password.resetLink' }))
  })

  it('cancels with Escape without asking the server', async () => {
    const desk = securityDesk()
    renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('require-reset')
    fireEvent.keyDown(within(dialog).getByTestId('action-ticket'), { key: 'Escape', code: 'Escape', keyCode: 27 })
    await waitFor(() => expect(closing(dialog)).toBe(true))
    expect(desk.security.requireReset).not.toHaveBeenCalled()
  })

  it('asks for the operator’s password on REAUTH_REQUIRED, re-authenticates and runs the action again', async () => {
    const desk = securityDesk(securityUser({ twoFactor: true }))
    desk.security.disable2fa.mockRejectedValueOnce(new DeskError('REAUTH_REQUIRED')).mockResolvedValueOnce({ twoFactor: false, sessionsRevoked: 2, notified: true })
    desk.auth.reauth.mockResolvedValue({ reauthenticatedUntil: '2099-01-01T00:00:00Z' })
    renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('disable-2fa')
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-7' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    await waitFor(() => expect(dialog.getAttribute('data-step')).toBe('reauth'))
    desk.users.get.mockResolvedValue(securityUser({ twoFactor: false }))
    fireEvent.change(within(dialog).getByTestId('reauth-password'), { target: { value: 'my own password' } })
    fireEvent.click(within(dialog).getByTestId('reauth-confirm'))

    await waitFor(() => expect(desk.security.disable2fa).toHaveBeenCalledTimes(2))
    expect(desk.auth.reauth).toHaveBeenCalledWith({ password: 'my own password' })
    // The retry carries the audit context the operator typed before the identity check.
    expect(desk.security.disable2fa).toHaveBeenLastCalledWith({ id: 42, audit: { ticketRef: 'HD-7' } })
    expect(await screen.findByText('Two-factor authentication was disabled for Li Wei.')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('two-factor-status').getAttribute('data-on')).toBe('false'))
  })

  it('keeps the dialog open with the refusal in words, and what was typed', async () => {
    const desk = securityDesk(securityUser({ active: false }))
    const message = 'This email address is already the login of another user: use another address.'
    desk.security.portalAccess.mockRejectedValue(new DeskError('CONFLICT', message, [{ path: 'email', message, reason: 'emailIsAnotherLogin' }]))
    renderApp(desk, { path: '/users/42/security' })

    const dialog = await openDialog('grant-portal-access')
    fireEvent.change(within(dialog).getByTestId('action-ticket'), { target: { value: 'HD-9' } })
    fireEvent.click(within(dialog).getByTestId('action-confirm'))

    const error = await within(dialog).findByTestId('action-error')
    expect(error.textContent).toContain('Grant was refused: this email address is already the username of another user.')
    expect(within(dialog).getByTestId<HTMLInputElement>('action-ticket').value).toBe('HD-9')
    expect(desk.security.portalAccess).toHaveBeenCalledWith({ id: 42, action: 'grant', audit: { ticketRef: 'HD-9' } })
    expect(closing(dialog)).toBe(false)
  })
})
