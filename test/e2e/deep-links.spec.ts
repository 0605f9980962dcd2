import type { Page } from '@playwright/test'
import type { UserListItem } from '../../src/shared/users'
import { chromiumAvailable, e2ePassword, expect, test, type PortalApi } from './fixtures'
import { hasEmail } from './support/portal-api'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

/**
 * The routes a portaldesk:// link opens, served by the browser host as the hash routes they map to
 * (#/helpdesk?ticket=…&q=…, #/users/123). The operating system's side of the links (registration,
 * second-instance, open-url) needs Electron and is unit-tested with fakes.
 */
async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${page.url().replace(/#.*$/, '')}#${route}`)
}

/** A portal user with an email that no earlier test on this host has taken: now this test's own. */
async function portalUserWithEmail(api: PortalApi): Promise<UserListItem> {
  return api.takePortalUser(await api.operatorToken('admin', e2ePassword), {}, hasEmail)
}

// Each test opens its routes on a desk its worker shares, signed in as the operator the link is for.
test.describe('as a support agent', () => {
  test.use({ sharedHost: 'support' })

  test('a Helpdesk link fills the ticket, runs the search and picks the one match; a refused link says why', async ({ page, desk, api }) => {
    const user = await portalUserWithEmail(api)
    const email = user.email ?? ''
    await desk.signIn('support', e2ePassword)
    await expect(desk.signedIn).toBeVisible()

    const shots = async (suffix: string) => {
      await openRoute(page, `/helpdesk?ticket=ZD-1234&q=${encodeURIComponent(email)}`)
      await expect(page.getByTestId('helpdesk-ticket')).toHaveValue('ZD-1234')
      await expect(page.getByTestId('picked-person')).toHaveAttribute('data-user-id', String(user.id))
      await expect(page.getByTestId('send-code')).toBeFocused()
      await page.screenshot({ path: `/tmp/deep-link-helpdesk-${suffix}.png` })

      await openRoute(page, `/helpdesk?ticket=ZD-1234&q=${'a'.repeat(10_000)}`)
      await expect(page.getByTestId('deep-link-refused')).toHaveAttribute('data-reason', 'tooLong')
      await expect(page.getByTestId('helpdesk-ticket')).toHaveValue('')
      await expect(page.getByTestId('picked-person')).toHaveCount(0)
      await page.screenshot({ path: `/tmp/deep-link-refused-${suffix}.png` })
    }
    await shots('en-light')
    await desk.choose('简体中文', 'dark')
    await page.mouse.move(0, 0)
    await shots('zh-dark')
    await expect(page.getByTestId('deep-link-refused')).toContainText('此链接未被打开')
  })

  test('a user link opens that user; hostile routes say why and the desk keeps working', async ({ page, desk, api }) => {
    const user = await portalUserWithEmail(api)
    await desk.signIn('support', e2ePassword)
    await expect(desk.signedIn).toBeVisible()

    await openRoute(page, `/users/${user.id}`)
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
    await expect(page.getByTestId('user-detail-name')).toHaveText(user.name)

    await openRoute(page, '/users/abc')
    await expect(page.getByTestId('user-not-found')).toBeVisible()
    await openRoute(page, '/users/2147483647')
    await expect(page.getByTestId('user-not-found')).toBeVisible()
    await openRoute(page, '/settings/../../etc')
    await expect(page.getByTestId('deep-link-refused')).toHaveAttribute('data-reason', 'unknownPlace')
    await openRoute(page, '/helpdesk?ticket=ZD-1&redirect=https://evil.example')
    await expect(page.getByTestId('deep-link-refused')).toHaveAttribute('data-reason', 'unknownParameter')
    await openRoute(page, '/helpdesk?ticket=%E2%80%AEZD-1')
    await expect(page.getByTestId('deep-link-refused')).toHaveAttribute('data-reason', 'invalidTicket')

    // Still a working desk after all of them.
    await page.getByTestId('nav-helpdesk').click()
    await expect(page.getByTestId('deep-link-refused')).toHaveCount(0)
    await expect(desk.signedIn).toBeVisible()
  })
})

test.describe('as an administrator', () => {
  test.use({ sharedHost: 'admin' })

  test('a search that finds several people lists them and leaves the choice to the agent', async ({ page, desk }) => {
    await desk.signIn('admin', e2ePassword)
    await expect(desk.signedIn).toBeVisible()
    await openRoute(page, '/helpdesk?q=example')
    await expect(page.locator('[data-testid="person-search"][data-state="ready"][data-q="example"]')).toBeVisible()
    expect(Number(await page.getByTestId('person-search').getAttribute('data-count'))).toBeGreaterThan(1)
    await expect(page.getByTestId('picked-person')).toHaveCount(0)
  })
})

// Signs out and in: a desk of its own.
test('a user link opened while signed out lands on that user after sign-in; signing out drops it', async ({ page, desk, api }) => {
  const user = await portalUserWithEmail(api)
  await openRoute(page, `/users/${user.id}`)
  await desk.signIn('support', e2ePassword)
  await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('user-detail-name')).toHaveText(user.name)

  await page.getByTestId('sign-out').click()
  await desk.signIn('support', e2ePassword)
  await desk.gridSettled('portal')
  expect(page.url()).not.toContain(`/users/${user.id}`)
})
