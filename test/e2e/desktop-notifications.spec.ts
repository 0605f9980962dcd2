import type { Page } from '@playwright/test'
import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

interface Shown {
  title: string
  body: string | undefined
}

/**
 * Page code, run before the desk's own: watches the real Notification API (granted by the browser, as
 * Electron's session grants it to the app page). Each notification is still created, and recorded.
 * Headless Chromium counts every page as focused, so whether the desk is "in the background"
 * (`portaldeskInBackground`) is the one thing the test decides.
 */
const watchNotifications = `
  const Real = window.Notification
  const created = []
  window.portaldeskNotifications = []
  window.portaldeskFocusCalls = 0
  function Recording(title, options) {
    const notification = new Real(title, options)
    created.push(notification)
    window.portaldeskNotifications.push({ title, body: options && options.body })
    return notification
  }
  Object.defineProperty(Recording, 'permission', { get: () => Real.permission })
  Recording.requestPermission = Real.requestPermission.bind(Real)
  Object.defineProperty(window, 'Notification', { value: Recording, configurable: true, writable: true })
  const hasFocus = Document.prototype.hasFocus
  Document.prototype.hasFocus = function () {
    return window.portaldeskInBackground === true ? false : hasFocus.call(this)
  }
  const focus = window.focus.bind(window)
  window.focus = () => {
    window.portaldeskFocusCalls += 1
    focus()
  }
  window.portaldeskClickNotification = (index) => created[index].dispatchEvent(new Event('click'))
`

const shownNotifications = (page: Page) => page.evaluate<Shown[]>('window.portaldeskNotifications')

test('an export that ends while the desk is in the background says so in a system notification; one in front does not', async ({ page, context, host, desk }) => {
  await context.grantPermissions(['notifications'], { origin: new URL(host.url).origin })
  await page.addInitScript({ content: watchNotifications })
  await desk.open(host.url)
  await desk.signIn('admin', e2ePassword)
  await expect(desk.signedIn).toBeVisible()
  await desk.gridSettled('portal')
  expect(await page.evaluate<string>('Notification.permission')).toBe('granted')

  // In front: the export's own message is enough.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  await expect(page.getByTestId('export-progress')).toHaveCount(0)
  expect(await shownNotifications(page)).toEqual([])

  // The operator switched to the ticket system while it ran.
  await page.evaluate('window.portaldeskInBackground = true')
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  await expect.poll(async () => (await shownNotifications(page)).length).toBe(1)
  const [shown] = await shownNotifications(page)
  expect(shown?.title).toBe('PortalDesk: CSV export finished')
  expect(shown?.body).toMatch(new RegExp(`^Exported ${await desk.filterCount('portal')} users to portal-users-\\d{4}-\\d{2}-\\d{2}\\.csv\\.$`))

  // Clicking it brings the desk forward.
  await page.evaluate('window.portaldeskClickNotification(0)')
  expect(await page.evaluate<number>('window.portaldeskFocusCalls')).toBe(1)
})
