import { join } from 'node:path'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

/**
 * Not a check but a camera: with PORTALDESK_SCREENSHOTS=<folder> it photographs every screen in both
 * languages and both themes, for a person to look at. Skipped otherwise.
 */
const folder = process.env.PORTALDESK_SCREENSHOTS
test.skip(!chromiumAvailable || !folder, 'Set PORTALDESK_SCREENSHOTS=<folder> to photograph the screens.')

const looks = [
  { language: 'English', tag: 'en', theme: 'light' },
  { language: 'English', tag: 'en', theme: 'dark' },
  { language: '简体中文', tag: 'zh-CN', theme: 'light' },
  { language: '简体中文', tag: 'zh-CN', theme: 'dark' }
] as const

test('photograph sign-in, grid, details and the user page tabs', async ({ desk, page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1366, height: 820 })
  const shot = (name: string) => page.screenshot({ path: join(folder ?? '.', `${name}.png`) })
  // Antd fades content in and out; let it settle so the picture shows the final colours.
  const settle = () => page.waitForTimeout(600)

  for (const look of looks) {
    const suffix = `${look.tag}-${look.theme}`
    await desk.choose(look.language, look.theme)
    await shot(`sign-in-${suffix}`)
    await desk.signIn('admin', 'wrong-password')
    await expect(page.getByTestId('sign-in-error')).toBeVisible()
    await settle()
    await shot(`sign-in-error-${suffix}`)

    await desk.passwordInput.fill(e2ePassword)
    await desk.passwordInput.press('Enter')
    await desk.gridSettled('portal')
    await settle()
    await shot(`grid-${suffix}`)

    await desk.rows.nth(3).click()
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
    await settle()
    await shot(`detail-${suffix}`)

    // The user page's tabs, on seeded users that have cards, sign-ins and audit entries to show.
    const tabs = [
      { hash: '#/users/34', ready: '[data-testid="user-detail"][data-state="ready"][data-tab="general"]', name: 'tab-general' },
      { hash: '#/users/34/payment-methods', ready: '[data-testid="payment-methods"][data-state="ready"]', name: 'tab-payments' },
      { hash: '#/users/46/activity', ready: '[data-testid="sign-in-history"][data-state="ready"]', name: 'tab-activity' },
      { hash: '#/users/53/activity', ready: '[data-testid="audit-timeline"][data-state="ready"]', name: 'tab-activity-audit' }
    ]
    for (const tab of tabs) {
      // Only the hash changes: the same document navigates, as a deep link inside the desk would.
      await page.goto(page.url().replace(/#.*$/, tab.hash))
      await expect(page.locator(tab.ready)).toBeVisible()
      await settle()
      await shot(`${tab.name}-${suffix}`)
    }

    await page.getByTestId('back-to-users').click()
    await page.getByTestId('user-search').fill('no-such-user-anywhere')
    await desk.gridSettled('portal', 'no-such-user-anywhere')
    await settle()
    await shot(`empty-${suffix}`)

    await page.getByTestId('user-search').fill('')
    await page.getByTestId('sign-out').click()
    await expect(desk.signedOut).toBeVisible()
  }
})
