// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'
import { portalUser } from './user-form-fixtures'

afterEach(cleanup)

function firstName(): HTMLInputElement {
  const element = document.querySelector<HTMLInputElement>('input[data-testid="user-form-firstName"]')
  if (!element) throw new Error('no first name input')
  return element
}

describe('auto-lock', () => {
  it('covers the mounted app after the idle time and keeps what was typed in an open form across lock and unlock', async () => {
    const user = portalUser()
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.users.get.mockResolvedValue(user)
    const { dependencies } = renderApp(desk, { path: `/users/${user.id}` })
    await screen.findByTestId('user-form')

    fireEvent.change(firstName(), { target: { value: 'Typed before the lock' } })
    await waitFor(() => expect(screen.getByTestId('user-form').getAttribute('data-state')).toBe('dirty'))
    const formBefore = screen.getByTestId('user-form')

    // A very short idle time (0.3 s): the preference takes fractions of a minute for tests.
    dependencies.stores.preferences.getState().setAutoLockMinutes(0.005)
    const lock = await screen.findByTestId('auto-lock')
    expect(screen.getByTestId('auto-lock-content').getAttribute('data-locked')).toBe('true')
    // Covered, not unmounted: the very same form element, with its value, is still in the page, out of reach.
    expect(screen.getByTestId('user-form')).toBe(formBefore)
    expect(firstName().value).toBe('Typed before the lock')
    expect(firstName().closest('[inert]')).not.toBeNull()

    desk.auth.reauth.mockRejectedValueOnce(new DeskError('INVALID_CREDENTIALS'))
    fireEvent.change(screen.getByTestId('auto-lock-password'), { target: { value: 'wrong' } })
    fireEvent.click(screen.getByTestId('auto-lock-unlock'))
    expect((await screen.findByTestId('auto-lock-error')).textContent).toBe('That password is not correct. Try again.')
    expect(desk.auth.reauth).toHaveBeenLastCalledWith({ password: 'wrong' })
    expect(screen.getByTestId('auto-lock')).toBe(lock)

    // Long enough not to lock again while the test finishes.
    dependencies.stores.preferences.getState().setAutoLockMinutes(15)
    desk.auth.reauth.mockResolvedValueOnce({ reauthenticatedUntil: new Date(Date.now() + 600_000).toISOString() })
    fireEvent.change(screen.getByTestId('auto-lock-password'), { target: { value: 'right password' } })
    fireEvent.click(screen.getByTestId('auto-lock-unlock'))
    await waitFor(() => expect(screen.queryByTestId('auto-lock')).toBeNull())
    expect(desk.auth.reauth).toHaveBeenLastCalledWith({ password: 'right password' })
    expect(screen.getByTestId('auto-lock-content').getAttribute('data-locked')).toBe('false')
    expect(firstName().value).toBe('Typed before the lock')
    expect(firstName().closest('[inert]')).toBeNull()
    expect(screen.getByTestId('user-form').getAttribute('data-state')).toBe('dirty')
    expect(desk.users.update).not.toHaveBeenCalled()
  })
})
