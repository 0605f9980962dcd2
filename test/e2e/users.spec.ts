import { chromiumAvailable, e2ePassword, expect, seededPortalUsers, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

test.describe('Manage Users', () => {
  test.use({ sharedHost: 'admin' })

  test.beforeEach(async ({ desk }) => {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
  })

  test('signing in as admin shows portal users only, as many as the Portal filter says', async ({ desk, page }) => {
    await desk.gridSettled('portal')
    await expect(page).toHaveTitle('PortalDesk — Local portal')

    const portal = await desk.filterCount('portal')
    const internal = await desk.filterCount('internal')
    // The grid lists active users, as Odoo's does; the seed archives a few of them.
    expect(portal).toBeGreaterThan(seededPortalUsers * 0.8)
    expect(portal).toBeLessThanOrEqual(seededPortalUsers)
    expect(internal).toBeGreaterThanOrEqual(2)
    expect(await desk.filterCount('all')).toBe(portal + internal)

    const kinds = await desk.field('kind')
    expect(kinds.length).toBeGreaterThan(5)
    expect(new Set(kinds)).toEqual(new Set(['portal']))

    await desk.scrollToEnd()
    await expect(desk.grid).toHaveAttribute('data-loaded', String(portal))
    expect(new Set(await desk.field('kind'))).toEqual(new Set(['portal']))
  })

  test('Internal Users shows the staff, admin and support among them', async ({ desk, page }) => {
    await desk.gridSettled('portal')
    await page.getByTestId('kind-filter-internal').click()
    await desk.gridSettled('internal')

    await expect(page).toHaveURL(/#\/users$/)
    const logins = await desk.field('login')
    expect(logins).toEqual(expect.arrayContaining(['admin', 'support']))
    expect(new Set(await desk.field('kind'))).toEqual(new Set(['internal']))
    await expect(desk.grid).toHaveAttribute('data-loaded', String(await desk.filterCount('internal')))
  })

  test('searching by part of an email finds only matching users', async ({ desk, page }) => {
    await desk.gridSettled('portal')
    const emails = await desk.field('email')
    const email = emails.find((value) => value.includes('@')) ?? ''
    const at = email.indexOf('@')
    // Straddle the "@": only an email can contain this text, so every result must show it.
    const part = email.slice(Math.max(0, at - 3), at + 5).toLowerCase()
    expect(part).toContain('@')

    await page.getByTestId('user-search').fill(part)
    await desk.gridSettled('portal', part)

    const found = (await desk.field('email')).map((value) => value.toLowerCase())
    expect(found.length).toBeGreaterThan(0)
    expect(found).toContain(email.toLowerCase())
    for (const value of found) expect(value).toContain(part)
    expect(await desk.filterCount('portal')).toBe(Number(await desk.grid.getAttribute('data-loaded')))
  })

  test('opening a user shows that user\'s details and tabs, and Back returns to the grid', async ({ desk, page }) => {
    await desk.gridSettled('portal')
    const row = desk.rows.nth(2)
    const [login] = await desk.field('login', row)
    const [email] = await desk.field('email', row)
    const id = await row.getAttribute('data-user-id')

    await row.click()
    await expect(page).toHaveURL(new RegExp(`#/users/${id}$`))
    const detail = page.locator('[data-testid="user-detail"][data-state="ready"]')
    await expect(detail.getByTestId('user-form-login')).toHaveValue(login ?? '')
    await expect(detail.getByTestId('user-form-email')).toHaveValue(email ?? '')

    // Each tab is in the route: a click is a history entry, and Back returns to the previous tab.
    await page.getByRole('tab', { name: 'Payment methods' }).click()
    await expect(page).toHaveURL(new RegExp(`#/users/${id}/payment-methods$`))
    await expect(page.locator('[data-testid="payment-methods"][data-state="ready"]')).toBeVisible()
    await expect(page.getByTestId('payment-methods-hint')).toContainText('cannot be edited and must be re-entered')

    await page.getByRole('tab', { name: 'Activity' }).click()
    await expect(page).toHaveURL(new RegExp(`#/users/${id}/activity$`))
    await expect(page.locator('[data-testid="audit-timeline"][data-state="ready"]')).toBeVisible()
    await expect(page.locator('[data-testid="sign-in-history"][data-state="ready"]')).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`#/users/${id}/payment-methods$`))
    await expect(page.getByRole('tab', { name: 'Payment methods', selected: true })).toBeVisible()

    // Deep links to seeded users that have something to show (see src/server/db/seed/security.ts).
    await page.goto(page.url().replace(/#.*$/, '#/users/34/payment-methods'))
    await expect(page.locator('[data-testid="payment-methods"][data-state="ready"] tbody')).toContainText(/•••• \d{4}/)
    await page.goto(page.url().replace(/#.*$/, '#/users/53/activity'))
    await expect(page.locator('[data-testid="audit-entry"][data-action="password.resetLink"]').first()).toContainText('HD-')

    await page.getByTestId('back-to-users').click()
    await desk.gridSettled('portal')
  })

  test('signing out returns to the sign-in screen', async ({ desk, page }) => {
    await page.getByTestId('sign-out').click()
    await expect(desk.signedOut).toBeVisible()
    await expect(desk.signedIn).toHaveCount(0)
    await expect(page.getByTestId('sign-out')).toHaveCount(0)
    await expect(desk.loginInput).toBeVisible()
  })
})

test.describe('Sign-in', () => {
  test('a wrong password shows the message and changes nothing else', async ({ desk, page }) => {
    await desk.signIn('admin', 'not-the-password')

    const error = page.getByTestId('sign-in-error')
    await expect(error).toContainText('Wrong login or password.')
    await expect(error).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS')
    await expect(desk.signedOut).toBeVisible()
    await expect(desk.signedIn).toHaveCount(0)
    await expect(desk.loginInput).toHaveValue('admin')
    await expect(desk.passwordInput).toHaveValue('')
    await expect(desk.passwordInput).toBeFocused()
    await expect(page.getByTestId('active-connection')).toHaveText('Local portal')

    // The refusal left no trace that blocks the right password.
    await desk.passwordInput.fill(e2ePassword)
    await desk.passwordInput.press('Enter')
    await expect(desk.signedIn).toBeVisible()
  })
})
