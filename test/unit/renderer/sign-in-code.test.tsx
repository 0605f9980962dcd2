// @vitest-environment jsdom
import './support/dom'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import { admin, fakeDesk, sessionState } from './support/fake-desk'
import { renderApp } from './support/render-app'

afterEach(cleanup)

/** What the desk answers after a right password on an account with 2FA: the code is missing or wrong. */
const codeRefusal = (otp: 'required' | 'invalid') => new DeskError('INVALID_CREDENTIALS', 'Invalid login or password', { otp })

async function signedOutScreen() {
  await waitFor(() => expect(document.querySelector('[data-app-state="ready"]')).not.toBeNull())
  return screen.getByTestId('signed-out')
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value
const submit = () => fireEvent.click(screen.getByTestId('sign-in-submit'))

/** Login and a right password, sent once: the desk asks for the code. */
async function passwordAccepted(login = 'Login', password = 'Password') {
  await signedOutScreen()
  fill(login, 'admin')
  fill(password, 'right-password')
  submit()
  return screen.findByTestId('sign-in-otp')
}

describe('the authentication-code step of signing in', () => {
  it('asks for the code after a right password, keeps the password, and sends the code without spaces', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValueOnce(codeRefusal('required')).mockResolvedValue(sessionState({ operator: admin }))
    desk.users.list.mockResolvedValue({ items: [], nextCursor: null, facets: { kind: { portal: 0, internal: 1 } } })
    renderApp(desk)

    const code = await passwordAccepted()
    expect(screen.getByLabelText('Authentication code')).toBe(code)
    expect(screen.getByText(/Enter the 6-digit code from your authenticator app/)).toBeTruthy()
    expect(desk.session.signIn).toHaveBeenLastCalledWith({ login: 'admin', password: 'right-password' })
    expect(valueOf('Password')).toBe('right-password')
    expect(valueOf('Login')).toBe('admin')
    // Not a wrong password: no red alert, and no complaint on the (still empty) code field yet.
    expect(screen.queryByTestId('sign-in-error')).toBeNull()
    expect(screen.queryByText('Enter the 6-digit code.')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(code))

    fill('Authentication code', '123 456')
    submit()

    expect(await screen.findByTestId('signed-in')).toBeTruthy()
    expect(desk.session.signIn).toHaveBeenCalledTimes(2)
    expect(desk.session.signIn).toHaveBeenLastCalledWith({ login: 'admin', password: 'right-password', otp: '123456' })
  })

  it('says a wrong code is not valid and empties the code field, keeping the password', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValueOnce(codeRefusal('required')).mockRejectedValueOnce(codeRefusal('invalid'))
    renderApp(desk)

    await passwordAccepted()
    fill('Authentication code', '000000')
    submit()

    expect(await screen.findByText('This code is not valid. Enter the current code from your authenticator app.')).toBeTruthy()
    expect(desk.session.signIn).toHaveBeenLastCalledWith({ login: 'admin', password: 'right-password', otp: '000000' })
    expect(valueOf('Authentication code')).toBe('')
    expect(valueOf('Password')).toBe('right-password')
    expect(screen.queryByTestId('sign-in-error')).toBeNull()
    expect(screen.queryByTestId('signed-in')).toBeNull()
  })

  it('refuses a code that is not six digits without calling the desk again', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValueOnce(codeRefusal('required'))
    renderApp(desk)

    await passwordAccepted()
    fill('Authentication code', '12a45')
    submit()

    expect(await screen.findByText('Enter the 6-digit code.')).toBeTruthy()
    expect(desk.session.signIn).toHaveBeenCalledTimes(1)
  })

  it('treats a plain wrong password as before: alert, password cleared, no code field', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValue(new DeskError('INVALID_CREDENTIALS', 'Invalid login or password'))
    renderApp(desk)
    await signedOutScreen()

    fill('Login', 'admin')
    fill('Password', 'not-the-password')
    submit()

    const alert = await screen.findByTestId('sign-in-error')
    expect(alert.getAttribute('data-error-code')).toBe('INVALID_CREDENTIALS')
    expect(alert.textContent).toContain('Wrong login or password.')
    expect(valueOf('Password')).toBe('')
    expect(screen.queryByTestId('sign-in-otp')).toBeNull()
    expect(screen.queryByLabelText('Authentication code')).toBeNull()
  })

  it('labels the code field in Chinese', async () => {
    const desk = fakeDesk()
    desk.session.signIn.mockRejectedValue(codeRefusal('required'))
    renderApp(desk, { language: 'zh-CN' })

    const code = await passwordAccepted('登录名', '密码')
    expect(screen.getByLabelText('身份验证码')).toBe(code)
    expect(valueOf('密码')).toBe('right-password')
  })
})
