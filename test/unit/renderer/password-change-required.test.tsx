// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const temporaryPassword = 'Harbour-Quince-Tundra-63'
const chosenPassword = 'Quartz-Lantern-Orbit-58'

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const type = (id: string, value: string) => fireEvent.change(byTestId(id), { target: { value } })

/** An operator who signed in with a temporary password: main says so in the session. */
function restrictedDesk() {
  const desk = fakeDesk()
  desk.session.state.mockResolvedValue(sessionState({ operator: { ...admin, passwordChangeRequired: true } }))
  return desk
}

async function fillPasswords(current: string, next: string, repeat: string) {
  await screen.findByTestId('password-change-required')
  type('account-current-password', current)
  type('account-new-password-input', next)
  type('account-repeat-password', repeat)
  await waitFor(() => expect(Number(byTestId('password-strength').getAttribute('data-score'))).toBeGreaterThanOrEqual(3), { timeout: 10_000 })
}

describe('the "Choose a new password" screen of a temporary password', () => {
  it('replaces the desk, even at #/users, with the temporary password, the new one with its meter, and the repeat', async () => {
    const desk = restrictedDesk()
    renderApp(desk, { path: '/users' })

    const screenOf = await screen.findByTestId('password-change-required')
    expect(screenOf.textContent).toContain('Choose a new password')
    expect(within(screenOf).getByLabelText('Temporary password')).toBe(byTestId('account-current-password'))
    expect(within(screenOf).getByTestId('account-new-password')).toBeTruthy()
    expect(within(screenOf).getByTestId('account-new-password-suggest')).toBeTruthy()
    expect(within(screenOf).getByTestId('account-repeat-password')).toBeTruthy()
    expect(screen.queryByTestId('users-page')).toBeNull()
    expect(screen.queryByTestId('two-factor-required')).toBeNull()
    expect(desk.users.list).not.toHaveBeenCalled()
  })

  it('comes before the two-factor setup that OPERATOR_2FA asks for', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: { ...admin, passwordChangeRequired: true, twoFactorSetupRequired: true } }))
    renderApp(desk, { path: '/' })

    expect(await screen.findByTestId('password-change-required')).toBeTruthy()
    expect(screen.queryByTestId('two-factor-required')).toBeNull()
  })

  it('says so in Chinese', async () => {
    const desk = restrictedDesk()
    renderApp(desk, { path: '/account/password', language: 'zh-CN' })

    const screenOf = await screen.findByTestId('password-change-required')
    expect(screenOf.textContent).toContain('设置新密码')
    expect(screenOf.textContent).toContain('临时密码')
    expect(screen.queryByTestId('account-page')).toBeNull()
  })

  it('refuses the temporary password again, and a repeat that differs, without calling the desk', async () => {
    const desk = restrictedDesk()
    renderApp(desk, { path: '/' })

    await fillPasswords(chosenPassword, chosenPassword, chosenPassword)
    fireEvent.click(byTestId('account-password-submit'))
    expect(await screen.findByText('Choose a password different from the current one.')).toBeTruthy()

    type('account-current-password', temporaryPassword)
    type('account-repeat-password', 'Quartz-Lantern-Orbit-59')
    fireEvent.click(byTestId('account-password-submit'))
    expect(await screen.findByText('The two new passwords are not the same.')).toBeTruthy()
    expect(desk.account.changePassword).not.toHaveBeenCalled()
  })

  it('puts the server’s "same as the current one" refusal on the new password, by its reason', async () => {
    const desk = restrictedDesk()
    desk.account.changePassword.mockRejectedValue(
      new DeskError('VALIDATION', 'Some of the values are not valid.', [{ path: 'newPassword', message: 'Not this one.', reason: 'sameAsCurrentPassword' }])
    )
    renderApp(desk, { path: '/' })

    await fillPasswords(temporaryPassword, chosenPassword, chosenPassword)
    fireEvent.click(byTestId('account-password-submit'))
    expect(await screen.findByText('Choose a password different from the current one.')).toBeTruthy()
    expect(screen.getByTestId('password-change-required')).toBeTruthy()
  })

  it('sends the temporary and the new password, then opens the desk once main has read the operator again', async () => {
    const desk = restrictedDesk()
    desk.account.changePassword.mockImplementation(async () => {
      // Main refreshes the operator after the change: the next session read has no restriction.
      desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
      return { sessionsRevoked: 1 }
    })
    renderApp(desk, { path: '/users' })

    await fillPasswords(temporaryPassword, chosenPassword, chosenPassword)
    fireEvent.click(byTestId('account-password-submit'))

    await waitFor(() => expect(screen.queryByTestId('password-change-required')).toBeNull())
    expect(desk.account.changePassword).toHaveBeenCalledWith({ currentPassword: temporaryPassword, newPassword: chosenPassword })
    await waitFor(() => expect(desk.users.list).toHaveBeenCalled())
  })

  it('offers Sign out, and the account menu offers nothing else', async () => {
    const desk = restrictedDesk()
    desk.session.signOut.mockResolvedValue(sessionState({ operator: null }))
    renderApp(desk, { path: '/' })

    const screenOf = await screen.findByTestId('password-change-required')
    fireEvent.click(byTestId('account-menu'))
    const menu = await screen.findByRole('menu', { name: 'My account' })
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Sign out'])

    fireEvent.click(within(screenOf).getByRole('button', { name: /Sign out instead/ }))
    await waitFor(() => expect(desk.session.signOut).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByTestId('password-change-required')).toBeNull())
  })

  it('is brought up by a PASSWORD_CHANGE_REQUIRED from any call (a temporary password set meanwhile)', async () => {
    const desk = fakeDesk()
    desk.session.state.mockResolvedValue(sessionState({ operator: admin }))
    desk.users.list.mockImplementation(async () => {
      desk.session.state.mockResolvedValue(sessionState({ operator: { ...admin, passwordChangeRequired: true } }))
      throw new DeskError('PASSWORD_CHANGE_REQUIRED')
    })
    renderApp(desk, { path: '/users' })

    expect(await screen.findByTestId('password-change-required')).toBeTruthy()
  })
})
