import { chromiumAvailable, e2ePassword, expect, test } from './fixtures'
import { SecurityScene } from './security-support'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on a portal user of its own (`api.take`): they share their worker's desk.
test.use({ sharedHost: 'admin' })

interface OutboxEntry {
  to: string
  template: string
  status: string
}

/** Archive, Restore and Delete account, checked in the server's user record, outbox and sign-in. */
test.describe('Security tab: the account', () => {
  test('Archive: the user is archived on the server and signed out', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const portalToken = await api.portalToken(user.login, e2ePassword)
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('account-status')).toHaveAttribute('data-active', 'true')

    const button = page.getByTestId('archive-restore')
    await button.click()
    await scene.confirm(scene.dialog('archive'), 'HD-5001')
    await scene.expectNotice(`${user.name} was archived.`)
    await expect(page.getByTestId('account-status')).toHaveAttribute('data-active', 'false')
    // The same button now offers Restore, and the keyboard focus is back on it.
    await expect(button).toBeFocused()

    expect((await scene.user(user.id)).active).toBe(false)
    expect(await api.portalTokenWorks(portalToken)).toBe(false)
  })

  test('Restore: an archived user is active on the server again', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.takePortalUser({ status: 'archived' }, (candidate) => !candidate.login.startsWith('__deleted_user_'))
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('security-archived')).toBeVisible()

    await page.getByTestId('archive-restore').click()
    await scene.confirm(scene.dialog('restore'), 'HD-5002')
    await scene.expectNotice(`${user.name} was restored.`)
    await expect(page.getByTestId('account-status')).toHaveAttribute('data-active', 'true')
    await expect(page.getByTestId('security-archived')).toHaveCount(0)
    expect((await scene.user(user.id)).active).toBe(true)
  })

  test('Delete account with the block list: the page shows the deleted account, and the email is block-listed', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    // A session that has not answered the prompt yet (an earlier test on a shared desk may have).
    await desk.signInAgain('admin')
    const user = await scene.signInablePortalUser()
    const email = user.email ?? ''
    await scene.openSecurity(user.id)

    const dialog = await scene.open('delete-account')
    await expect(dialog.getByTestId('delete-blocklist')).toBeChecked()
    await dialog.getByTestId('action-ticket').fill('HD-5003')
    // A wrong confirmation is refused before anything is sent.
    await dialog.getByTestId('action-confirmation').fill('someone-else')
    await dialog.getByTestId('action-confirm').click()
    await expect(dialog).toContainText(`Type exactly ${user.login}.`)
    await dialog.getByTestId('action-confirmation').fill(user.login)
    await dialog.getByTestId('action-confirmation').press('Enter')
    // Deleting needs a fresh identity check: the dialog asks for the operator's own password.
    await expect(dialog).toHaveAttribute('data-step', 'reauth')
    await dialog.getByTestId('reauth-password').fill(e2ePassword)
    await dialog.getByTestId('reauth-password').press('Enter')
    await scene.expectNotice(`The account of ${user.name} was deleted.`)
    await expect(page.getByTestId('security-deleted')).toBeVisible()
    await expect(page.getByTestId('security-deleted')).toBeFocused()
    await expect(page.locator('[data-testid="user-detail"][data-state="ready"]')).toBeVisible()

    const after = await scene.user(user.id)
    expect(after.login).toBe(`__deleted_user_${user.id}`)
    expect(after.deletedAt).not.toBeNull()
    // Block-listed addresses are never mailed: the outbox holds the "account deleted" email as blocked.
    const outbox = await scene.call<{ items: OutboxEntry[] }>('GET', `/api/v1/outbox?userId=${user.id}`)
    expect(outbox.body.items.find((entry) => entry.template === 'accountDeleted')).toMatchObject({ to: email, status: 'blocked' })
    expect((await api.call('POST', '/api/v1/portal/login', { json: { login: user.login, password: e2ePassword } })).status).toBe(401)
  })
})
