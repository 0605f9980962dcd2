import { generate } from 'otplib'
import type { Page } from '@playwright/test'
import { chromiumAvailable, clickOnceOpened, e2ePassword, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

const newPassword = 'Quartz-Lantern-Orbit-58'

/**
 * The code an authenticator app would show 30 seconds from now. The server accepts one step either
 * side and spends each step once, so the next step's code is valid right after the setup spent this one.
 */
function nextCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
}

/** Turns TOTP on through the steps an operator takes, and returns the key shown for typing by hand. */
async function setUpTotp(page: Page, password: string): Promise<string> {
  await page.getByTestId('two-factor-password').fill(password)
  await page.getByTestId('two-factor-password').press('Enter')
  const qr = page.getByTestId('two-factor-qr')
  await expect(qr.locator('svg')).toBeVisible()
  const uri = await qr.getAttribute('data-otpauth')
  const secret = await page.getByTestId('two-factor-secret').getAttribute('data-secret')
  if (!uri || !secret) throw new Error('The setup shows no QR code or key')
  expect(uri).toContain(`secret=${secret}`)
  await page.getByTestId('two-factor-code').fill(await generate({ secret }))
  await page.getByTestId('two-factor-code').press('Enter')
  return secret
}

test.describe('My account', () => {
  test('an operator changes their own password, turns TOTP on with the QR code, signs in with a code, and sees their sessions', async ({ page, desk, api }) => {
    // One operator's whole account story in one host: longer than most tests, cheaper than four.
    test.slow()
    await desk.signIn('t.becker', e2ePassword)
    await expect(desk.signedIn).toBeVisible()

    // The menu under the operator's name, by keyboard.
    await page.getByTestId('account-menu').focus()
    await page.keyboard.press('Enter')
    await clickOnceOpened(page.getByRole('menuitem', { name: 'Password' }))
    await expect(page.getByTestId('account-password')).toBeVisible()

    // Oro's three fields: a wrong current password is refused on its field, and nothing changes.
    await page.getByTestId('account-current-password').fill('not my password')
    await page.getByTestId('account-new-password-input').fill(newPassword)
    await page.getByTestId('account-repeat-password').fill(`${newPassword}x`)
    await page.getByTestId('account-password-submit').click()
    await expect(page.getByText('The two new passwords are not the same.')).toBeVisible()
    await page.getByTestId('account-repeat-password').fill(newPassword)
    await page.getByTestId('account-password-submit').click()
    await expect(page.getByText('This is not your current password.')).toBeVisible()
    expect((await api.call('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: e2ePassword } })).status).toBe(200)

    await page.getByTestId('account-current-password').fill(e2ePassword)
    await page.getByTestId('account-password-submit').click()
    await expect(page.getByText(/Your password was changed/)).toBeVisible()
    expect((await api.call('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: e2ePassword } })).status).toBe(401)

    // Another session, opened before 2FA so that no authenticator code is spent on it.
    const otherToken = await api.operatorToken('t.becker', newPassword)

    // Two-factor authentication with a QR code.
    await page.getByRole('tab', { name: 'Two-factor authentication' }).click()
    await expect(page.getByTestId('account-two-factor')).toHaveAttribute('data-enabled', 'false')
    await page.getByTestId('two-factor-on').click()
    const secret = await setUpTotp(page, newPassword)
    await expect(page.getByTestId('account-two-factor')).toHaveAttribute('data-enabled', 'true')

    // Sessions: this device is marked; the one the API opened above is another, ended from here.
    await page.getByRole('tab', { name: 'Sessions' }).click()
    await expect(page.getByTestId('account-session-row').and(page.locator('[data-current="true"]'))).toHaveCount(1)
    await expect(page.getByTestId('account-session-row')).toHaveCount(2)
    await page.getByTestId('account-end-other-sessions').click()
    // Exact: the password toast above ends with the same words and may still be showing.
    await expect(page.getByText('1 other session was signed out.', { exact: true })).toBeVisible()
    expect((await api.call('GET', '/api/v1/auth/me', { token: otherToken })).status).toBe(401)

    // Signing in again asks for the code after the password, and keeps the password for it.
    await page.getByTestId('account-sign-out').click()
    await desk.signIn('t.becker', newPassword)
    const code = page.getByTestId('sign-in-otp')
    await expect(code).toBeFocused()
    await code.fill('000000')
    await code.press('Enter')
    await expect(page.getByText('This code is not valid. Enter the current code from your authenticator app.')).toBeVisible()
    await code.fill(await nextCode(secret))
    await code.press('Enter')
    await expect(desk.signedIn).toBeVisible()
  })
})

test.describe('a temporary password', () => {
  test('shows Choose a new password before anything else, and the desk opens once it is chosen', async ({ page, desk, api }) => {
    const temporary = 'Harbour-Quince-Tundra-63'
    const admin = await api.operatorToken('admin', e2ePassword)
    expect((await api.call('POST', '/api/v1/auth/reauth', { token: admin, json: { password: e2ePassword } })).status).toBe(200)
    const users = await api.call<{ items: { id: number; login: string }[] }>('GET', '/api/v1/users?kind=internal&limit=50', { token: admin })
    const other = users.body.items.find((item) => item.login === 't.becker')
    if (!other) throw new Error('the seeded administrator t.becker is missing')
    const set = await api.call('POST', `/api/v1/users/${other.id}/password`, { token: admin, json: { password: temporary, mustChange: true, notify: false } })
    expect(set.status).toBe(200)

    await desk.signIn('t.becker', temporary)
    const screen = page.getByTestId('password-change-required')
    await expect(screen).toBeVisible()
    await expect(desk.grid).toHaveCount(0)
    // Going elsewhere does not get round it.
    await page.goto(page.url().replace(/#.*$/, '#/users'))
    await expect(screen).toBeVisible()

    await page.getByTestId('account-current-password').fill(temporary)
    await page.getByTestId('account-new-password-input').fill(temporary)
    await page.getByTestId('account-repeat-password').fill(temporary)
    await page.getByTestId('account-password-submit').click()
    await expect(screen.getByText('Choose a password different from the current one.')).toBeVisible()

    await page.getByTestId('account-new-password-suggest').click()
    const chosen = await page.getByTestId('account-new-password-input').inputValue()
    await expect(page.getByTestId('password-strength')).toHaveAttribute('data-score', /[34]/)
    await page.getByTestId('account-repeat-password').fill(chosen)
    await page.getByTestId('account-password-submit').click()
    await expect(screen).toHaveCount(0)
    await expect(desk.grid).toBeVisible()

    const again = await api.call<{ passwordChangeRequired?: boolean }>('POST', '/api/v1/auth/login', { json: { login: 't.becker', password: chosen } })
    expect(again.status).toBe(200)
    expect(again.body.passwordChangeRequired).toBeUndefined()
  })
})

test.describe('OPERATOR_2FA=required', () => {
  test.use({ hostEnv: { OPERATOR_2FA: 'required' } })

  test('guides an administrator without TOTP through the setup before the desk opens', async ({ page, desk, host }) => {
    await desk.signIn('admin', e2ePassword)
    const guide = page.getByTestId('two-factor-required')
    await expect(guide).toBeVisible()
    await expect(desk.grid).toHaveCount(0)
    // Going elsewhere does not get round it.
    await page.goto(`${host.url}#/users`)
    await expect(guide).toBeVisible()

    await setUpTotp(page, e2ePassword)
    await expect(guide).toHaveCount(0)
    await expect(desk.grid).toBeVisible()
  })
})
