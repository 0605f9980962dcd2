import { chromiumAvailable, e2ePassword, expect, mailTo, test, textBody } from './fixtures'
import { newPassword, SecurityScene, setPasswordThroughLink, tokenOf } from './security-support'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on a portal user of its own (`api.take`): they share their worker's desk.
test.use({ sharedHost: 'admin' })

/** The Security tab's password actions, each checked on the real server and in the real mailbox. */
test.describe('Security tab: password', () => {
  test('Change password with Suggest password: the user signs in with it and must change it', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const oldToken = await api.portalToken(user.login, e2ePassword)
    await scene.openSecurity(user.id)

    const dialog = await scene.open('change-password')
    await expect(dialog.getByTestId('change-password-login')).toHaveText(user.login)
    await expect(dialog.getByTestId('change-password-must-change')).toBeChecked()
    await expect(dialog.getByTestId('change-password-notify')).toBeChecked()
    await dialog.getByTestId('new-password-suggest').click()
    const input = dialog.getByTestId('new-password-input')
    await expect(input).toHaveAttribute('type', 'text')
    const password = await input.inputValue()
    expect(password.length).toBeGreaterThanOrEqual(8)
    await expect(dialog.getByTestId('password-strength')).toHaveAttribute('data-score', /[34]/)
    await scene.confirm(dialog, 'HD-2001')
    await scene.expectNotice(`The password of ${user.name} was changed.`)

    // On the server: the new password signs in, only to choose another one; the old session is gone, the flag is set.
    await expect(page.getByTestId('must-change-password')).toHaveText('Yes')
    expect((await scene.user(user.id)).mustChangePassword).toBe(true)
    expect(await api.portalTokenWorks(oldToken)).toBe(false)
    expect(await api.signsInOnlyToChangePassword(user.login, password)).toBe(true)
    const mail = await mailTo(mailbox, user.email ?? '')
    expect(textBody(mail.raw)).not.toContain(password)
  })

  test('Send password reset link: the emailed link sets a password, and the tab then shows it used', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('reset-link')).toHaveAttribute('data-state', 'ready')

    const dialog = await scene.open('send-reset-link')
    await expect(dialog.getByTestId('action-consequence')).toContainText(user.email ?? '')
    await scene.confirm(dialog, 'HD-2002')
    await scene.expectNotice(`A password reset link for ${user.email} was created.`)
    // This host delivers over SMTP: the notice says "sent" once the portal has sent it, not before.
    await expect(page.locator('.ant-notification-notice').getByTestId('mail-state').last()).toHaveAttribute('data-mail-state', 'sent', { timeout: 15_000 })
    await expect(page.getByTestId('reset-link-status')).toHaveAttribute('data-status', 'pending')

    const password = newPassword()
    expect(await setPasswordThroughLink(api, tokenOf(await mailTo(mailbox, user.email ?? '')), password)).toBe(200)
    expect(await api.portalTokenWorks(await api.portalToken(user.login, password))).toBe(true)

    await page.reload()
    await expect(page.getByTestId('reset-link')).toHaveAttribute('data-status', 'used')
    await expect(page.getByTestId('revoke-reset-link')).toHaveCount(0)
  })

  test('past the per-user mail limit, the dialog says how many emails an hour and when to try again; nothing is sent', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    for (let i = 0; i < 5; i += 1) expect((await scene.call('POST', `/api/v1/users/${user.id}/reset-link`)).status).toBe(200)
    await scene.openSecurity(user.id)

    const dialog = await scene.open('send-reset-link')
    await dialog.getByTestId('action-ticket').fill('HD-2010')
    await dialog.getByTestId('action-ticket').press('Enter')
    const error = dialog.getByTestId('action-error')
    await expect(error).toHaveAttribute('data-error-code', 'RATE_LIMITED')
    await expect(error).toContainText('At most 5 emails an hour can be sent to this user')
    await expect(error).toContainText(/Try again in (59|60) minutes\./)
    const outbox = await scene.call<{ items: unknown[] }>('GET', `/api/v1/outbox?userId=${user.id}&limit=50`)
    expect(outbox.body.items).toHaveLength(5)
  })

  test('Revoke link: the emailed link no longer sets a password', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    expect((await scene.call('POST', `/api/v1/users/${user.id}/reset-link`)).status).toBe(200)
    const token = tokenOf(await mailTo(mailbox, user.email ?? ''))
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('reset-link')).toHaveAttribute('data-status', 'pending')

    await scene.confirm(await scene.open('revoke-reset-link'), 'HD-2003')
    await scene.expectNotice('The link was revoked.')
    await expect(page.getByTestId('reset-link')).toHaveAttribute('data-status', 'revoked')

    expect(await setPasswordThroughLink(api, token, newPassword())).not.toBe(200)
    expect(await api.portalTokenWorks(await api.portalToken(user.login, e2ePassword))).toBe(true)
  })

  test('Require password reset: the user is signed out at once and gets the link', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const portalToken = await api.portalToken(user.login, e2ePassword)
    await scene.openSecurity(user.id)

    await scene.confirm(await scene.open('require-reset'), 'HD-2004')
    await scene.expectNotice(`${user.name} was signed out and must set a new password through the reset link for ${user.email}.`)
    await expect(page.getByTestId('reset-required')).toHaveText('Yes')

    expect(await api.portalTokenWorks(portalToken)).toBe(false)
    expect((await scene.user(user.id)).resetRequired).toBe(true)
    const signIn = await api.call('POST', '/api/v1/portal/login', { json: { login: user.login, password: e2ePassword } })
    expect(signIn.status).toBe(401)
    const password = newPassword()
    expect(await setPasswordThroughLink(api, tokenOf(await mailTo(mailbox, user.email ?? '')), password)).toBe(200)
    expect(await api.portalTokenWorks(await api.portalToken(user.login, password))).toBe(true)
  })

  test('the success notice links to the audit trail, filtered to the action, with the ticket', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    await scene.openSecurity(user.id)

    const dialog = await scene.open('send-reset-link')
    await dialog.getByTestId('action-reason').fill('Customer called the helpdesk')
    await scene.confirm(dialog, 'HD-2005')
    await page.getByTestId('notice-audit-link').click()

    await expect(page).toHaveURL(new RegExp(`#/users/${user.id}/activity\\?action=password\\.resetLink$`))
    const timeline = page.locator('[data-testid="audit-timeline"][data-state="ready"]')
    await expect(timeline).toBeVisible()
    await expect(page.getByTestId('audit-action-filter')).toContainText('Password reset link sent')
    const entry = timeline.getByTestId('audit-entry').first()
    await expect(entry).toHaveAttribute('data-action', 'password.resetLink')
    await expect(entry).toContainText('HD-2005')
    await expect(entry).toContainText('Customer called the helpdesk')
    for (const action of await timeline.getByTestId('audit-entry').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')))) {
      expect(action).toBe('password.resetLink')
    }
  })
})
