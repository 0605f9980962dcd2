import { deskSections } from '../../src/shared/ipc/desk-api'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

test('the desk belongs to the browser that opened its one-time URL; a fresh browser gets the 401 page', async ({ desk, host, page, browser }) => {
  // The fixture opened host.loginUrl(): this browser has the desk, and the token left the address bar.
  await expect(desk.signedOut).toBeVisible()
  expect(page.url()).toBe(host.url)
  const cookies = await page.context().cookies()
  expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' })])
  expect(await page.locator('html').evaluate((html) => html.ownerDocument.cookie)).toBe('')

  // A login URL this browser has used is worth nothing to another one.
  const used = host.loginUrl()
  await desk.open(used)

  const stranger = await browser.newContext()
  try {
    const other = await stranger.newPage()
    for (const url of [host.url, used, `${host.url}__desk/shim.js`]) {
      const response = await other.goto(url)
      expect(response?.status()).toBe(401)
      await expect(other.getByRole('heading', { name: 'This browser has not opened the desk' })).toBeVisible()
      await expect(other.getByText('npm start').first()).toBeVisible()
      await expect(other.locator('[data-app-state]')).toHaveCount(0)
      expect(await other.evaluate(() => 'desk' in globalThis)).toBe(false)
    }
    expect(await stranger.cookies()).toEqual([])
  } finally {
    await stranger.close()
  }
  // The first browser still has its desk.
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
})

test('window.desk is the contract: one section per channel namespace, and no Node or Electron in reach', async ({ desk, page }) => {
  await expect(desk.signedOut).toBeVisible()
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { desk: object }).desk).sort())).toEqual(deskSections)
  expect(deskSections.length).toBeGreaterThanOrEqual(9)
  expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined')
})
