// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

async function signedOutScreen() {
  await waitFor(() => expect(document.querySelector('[data-app-state="ready"]')).not.toBeNull())
  return screen.getByTestId('signed-out')
}

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('sign-in form', () => {
  it('shows the translated wrong-password message, keeps the login and clears the password', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValue(new DeskError('INVALID_CREDENTIALS', 'Invalid login or password'))
    renderApp(desk)
    await signedOutScreen()

    fill('Login', 'admin')
    fill('Password', 'not-the-password')
    fireEvent.click(screen.getByTestId('sign-in-submit'))

    const alert = await screen.findByTestId('sign-in-error')
    expect(alert).toHaveProperty('textContent', expect.stringContaining('Wrong login or password.'))
    expect(alert.getAttribute('data-error-code')).toBe('INVALID_CREDENTIALS')
    expect(desk.session.signIn).toHaveBeenCalledWith({ login: 'admin', password: 'not-the-password' })
    expect((screen.getByLabelText('Login') as HTMLInputElement).value).toBe('admin')
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('')
    // Nothing else changed: still signed out, the session was not reloaded or replaced.
    expect(screen.getByTestId('signed-out')).toBeTruthy()
    expect(screen.queryByTestId('signed-in')).toBeNull()
    expect(desk.session.state).toHaveBeenCalledTimes(1)
  })

  it('says it in Chinese when the operator chose Chinese', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValue(new DeskError('INVALID_CREDENTIALS'))
    renderApp(desk, { language: 'zh-CN' })
    await signedOutScreen()

    fill('登录名', 'admin')
    fill('密码', 'wrong')
    fireEvent.click(screen.getByTestId('sign-in-submit'))

    const alert = await screen.findByTestId('sign-in-error')
    expect(within(alert).getByText('登录名或密码错误。')).toBeTruthy()
    expect((screen.getByLabelText('登录名') as HTMLInputElement).value).toBe('admin')
  })

  it('does not call the desk while a field is empty, and says which one', async () => {
    const desk = fakeDesk()
    renderApp(desk)
    await signedOutScreen()

    fill('Login', 'admin')
    fireEvent.click(screen.getByTestId('sign-in-submit'))

    expect(await screen.findByText('Enter your password.')).toBeTruthy()
    expect(desk.session.signIn).not.toHaveBeenCalled()
  })

  it('opens the users screen once signed in', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockResolvedValue(sessionState({ operator: { id: 1, login: 'admin', name: 'Ada Admin', role: 'administrator' } }))
    desk.users.list.mockResolvedValue({ items: [], nextCursor: null, facets: { kind: { portal: 0, internal: 1 } } })
    renderApp(desk)
    await signedOutScreen()

    fill('Login', ' admin ')
    fill('Password', 'secret')
    fireEvent.submit(screen.getByLabelText('Password').closest('form') as HTMLFormElement)

    expect(await screen.findByTestId('signed-in')).toBeTruthy()
    expect(desk.session.signIn).toHaveBeenCalledWith({ login: 'admin', password: 'secret' })
    await waitFor(() => expect(document.title).toBe('PortalDesk — Local portal'))
  })
})
