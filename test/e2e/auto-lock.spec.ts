import type { UserListItem } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

/**
 * The page's clock is Playwright's: it runs on from the real time, and the test jumps it past the desk's
 * default idle time (15 minutes, the header setting's) instead of waiting for it.
 */
const pastIdleTime = '15:01'

test.describe('Auto-lock', () => {
  test('locks after the idle time, refuses a wrong password in words, unlocks with the right one, and the typed text is still there', async ({ page, desk, api }) => {
    const token = await api.operatorToken('admin', e2ePassword)
    const list = await api.call<{ items: UserListItem[] }>('GET', '/api/v1/users?kind=portal&limit=5', { token })
    const user = list.body.items[0]
    if (!user) throw new Error('No portal user to edit')

    await page.clock.install()
    await desk.open(page.url())
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()

    // An edit in progress on the General tab, not saved.
    await page.goto(`${page.url().replace(/#.*$/, '')}#/users/${user.id}`)
    const firstName = page.getByTestId('user-form-firstName')
    await expect(firstName).toBeEditable()
    await firstName.fill('')
    await firstName.pressSequentially('Half-typed')
    await expect(page.getByTestId('user-form')).toHaveAttribute('data-state', 'dirty')

    // Idle: no key, pointer or wheel event for the idle time. The cover comes, over the still mounted app.
    const lock = page.getByTestId('auto-lock')
    await expect(lock).toHaveCount(0)
    await page.clock.fastForward(pastIdleTime)
    await expect(lock).toBeVisible()
    await expect(page.getByTestId('auto-lock-content')).toHaveAttribute('data-locked', 'true')
    await expect(page.getByTestId('user-form')).toHaveCount(1)
    await expect(page.getByTestId('auto-lock-password')).toBeFocused()
    await page.screenshot({ path: '/tmp/roles-auto-lock.png' })

    // The app under the cover cannot be reached.
    expect(await page.getByTestId('user-form-firstName').evaluate((input) => input.closest('[inert]') !== null)).toBe(true)

    // A wrong password is refused in words, and the desk stays locked.
    await page.getByTestId('auto-lock-password').fill('not-the-password')
    await page.getByTestId('auto-lock-password').press('Enter')
    await expect(page.getByTestId('auto-lock-error')).toHaveText('That password is not correct. Try again.')
    await expect(lock).toBeVisible()
    await expect(page.getByTestId('auto-lock-password')).toBeFocused()

    // The right password unlocks: the edit is where it was, still unsaved.
    await page.getByTestId('auto-lock-password').fill(e2ePassword)
    await page.getByTestId('auto-lock-unlock').click()
    await expect(lock).toHaveCount(0)
    await expect(page.getByTestId('auto-lock-content')).toHaveAttribute('data-locked', 'false')
    await expect(firstName).toHaveValue('Half-typed')
    await expect(page.getByTestId('user-form')).toHaveAttribute('data-state', 'dirty')
    await expect(firstName).toBeEditable()
    // Focus is back where the operator was typing.
    await expect(firstName).toBeFocused()

    // Nothing was saved behind the operator's back.
    const onServer = await api.call<{ firstName: string | null }>('GET', `/api/v1/users/${user.id}`, { token })
    expect(onServer.body.firstName).toBe(user.firstName)

    // Reloading the page is no way around the lock: after the reload, a fresh idle time has not passed,
    // so only the lock the desk kept can cover it.
    await page.clock.fastForward(pastIdleTime)
    await expect(lock).toBeVisible()
    await page.reload()
    await expect(page.getByTestId('auto-lock')).toBeVisible()
    await expect(page.getByTestId('auto-lock-password')).toBeFocused()
  })

  test('the header setting changes the idle time and remembers it', async ({ page, desk }) => {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await page.getByTestId('auto-lock-settings-button').click()
    const minutes = page.getByTestId('auto-lock-minutes')
    await expect(minutes).toHaveValue('15')
    await minutes.fill('5')
    await minutes.press('Enter')
    await expect.poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem('portaldesk.preferences'))) ?? '{}') as { state?: { autoLockMinutes?: number } }).toMatchObject({ state: { autoLockMinutes: 5 } })
    await page.screenshot({ path: '/tmp/roles-auto-lock-settings.png' })
    await desk.open(page.url())
    await page.getByTestId('auto-lock-settings-button').click()
    await expect(page.getByTestId('auto-lock-minutes')).toHaveValue('5')
  })
})
