import { startBrowserHost } from '../browser-host/host'
import { chromiumAvailable, e2ePassword, expect, seededPortalUsers, test as base } from './fixtures'
import { newPassword, SecurityScene } from './security-support'

/**
 * The first run without any SMTP server: the embedded portal keeps its emails (MAILBOX=local, delivery
 * off), and the desk's Local mailbox shows them in full, so a reset link can be followed from it.
 */
const test = base.extend({
  host: async ({ portalTemplates }, use) => {
    // An empty SMTP_URL is unset: this host's portal delivers nothing, whatever the runner's environment holds.
    const host = await startBrowserHost({ users: seededPortalUsers, password: e2ePassword, autoSignIn: false, env: { SMTP_URL: '' }, portalTemplate: await portalTemplates.fresh() })
    try {
      await use(host)
    } finally {
      await host.close()
    }
  }
})

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')

test('Local mailbox: a reset link sent with delivery off is followed from the mailbox, and the new password signs in', async ({ page, desk, api, context }) => {
  const scene = await SecurityScene.start(page, desk, api)
  const user = await scene.signInablePortalUser()
  await scene.openSecurity(user.id)

  const dialog = await scene.open('send-reset-link')
  await scene.confirm(dialog, 'HD-3001')
  const notice = page.locator('.ant-notification-notice').filter({ hasText: `A password reset link for ${user.email} was created.` }).last()
  await expect(notice).toBeVisible()
  // The truth: nothing was sent, and the desk says so instead of "was sent".
  await expect(notice.getByTestId('mail-state')).toHaveAttribute('data-mail-state', 'off')
  await expect(notice.getByTestId('mail-state')).toContainText('delivery is off on this portal')
  await expect(notice).not.toContainText('was sent')

  await notice.getByTestId('mail-state-mailbox-link').click()
  await expect(page).toHaveURL(/#\/mailbox$/)
  const row = page.getByTestId('mailbox-row').filter({ hasText: user.email ?? '' }).first()
  await expect(row).toContainText('not sent (delivery off)')
  await row.click()
  const body = page.getByTestId('mailbox-body')
  await expect(body).toContainText(user.name)
  const link = body.getByTestId('mailbox-link').filter({ hasText: '/reset-password?token=' })
  await expect(link).toHaveCount(1)

  // The portal's own reset page, opened from the mailbox's link.
  const [resetPage] = await Promise.all([context.waitForEvent('page'), link.click()])
  await resetPage.waitForLoadState()
  // It follows the reader's light or dark setting, its style allowed by the page's own CSP nonce.
  await resetPage.emulateMedia({ colorScheme: 'dark' })
  await expect(resetPage.locator('body')).toHaveCSS('background-color', 'rgb(20, 20, 20)')
  await resetPage.emulateMedia({ colorScheme: 'light' })
  await expect(resetPage.locator('body')).toHaveCSS('background-color', 'rgb(245, 245, 245)')
  const password = newPassword()
  await resetPage.locator('#password').fill(password)
  await resetPage.locator('#confirm').fill(password)
  await resetPage.locator('button[type="submit"]').click()
  await expect(resetPage.locator('body')).toContainText('Your password is set')

  expect(await api.portalTokenWorks(await api.portalToken(user.login, password))).toBe(true)
})
