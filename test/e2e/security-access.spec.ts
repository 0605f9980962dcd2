import { chromiumAvailable, e2ePassword, expect, mailTo, test, textBody } from './fixtures'
import { SecurityScene } from './security-support'

test.skip(!chromiumAvailable, 'Chromium is not installed: the end-to-end tests did not run.')
// Each test acts on portal users of its own (`api.take`): they share their worker's desk.
test.use({ sharedHost: 'admin' })

/** Two-factor authentication, sign-in protection and portal access, checked on the real server. */
test.describe('Security tab: two-factor, lock and portal access', () => {
  test('Invite to use 2FA: the invitation arrives; for a user with 2FA on the button is disabled and says why', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('two-factor-status')).toHaveAttribute('data-on', 'false')

    const dialog = await scene.open('invite-2fa')
    await expect(dialog.getByTestId('action-consequence')).toContainText(user.email ?? '')
    await scene.confirm(dialog, 'HD-3001')
    await scene.expectNotice(`An invitation to use two-factor authentication was created for ${user.email}.`)
    const mail = await mailTo(mailbox, user.email ?? '')
    expect(textBody(mail.raw).toLowerCase()).toContain('two-factor')

    const [withTwoFactor] = await scene.portalUsers({ twoFactor: 'on' })
    if (!withTwoFactor) throw new Error('The seed has no user with 2FA on')
    await scene.openSecurity(withTwoFactor.id)
    await expect(page.getByTestId('two-factor-status')).toHaveAttribute('data-on', 'true')
    await expect(page.getByTestId('invite-2fa')).toBeDisabled()
    await expect(page.getByTestId('invite-2fa-reason')).toHaveText('Two-factor authentication is already on for this user: there is nothing to invite them to.')
    // The pointer still rests where the previous user's Invite button was: move off, then onto it.
    await page.mouse.move(0, 0)
    await page.getByTestId('invite-2fa-wrapper').locator('.security-action-disabled').hover()
    await expect(page.locator('.ant-tooltip')).toContainText('already on')
  })

  test('Disable two-factor authentication goes through the re-authentication prompt and turns 2FA off on the server', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    // A session that has not answered the prompt yet (an earlier test on a shared desk may have).
    await desk.signInAgain('admin')
    const user = await scene.takePortalUser({ twoFactor: 'on' })
    await scene.openSecurity(user.id)

    const dialog = await scene.open('disable-2fa')
    await dialog.getByTestId('action-ticket').fill('HD-3002')
    await dialog.getByTestId('action-confirm').click()
    await expect(dialog).toHaveAttribute('data-step', 'reauth')
    await dialog.getByTestId('reauth-password').fill('not my password')
    await dialog.getByTestId('reauth-password').press('Enter')
    await expect(dialog.getByTestId('action-error')).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS')
    await dialog.getByTestId('reauth-password').fill(e2ePassword)
    await dialog.getByTestId('reauth-password').press('Enter')
    await expect(dialog).toBeHidden()
    await scene.expectNotice(`Two-factor authentication was disabled for ${user.name}.`)

    await expect(page.getByTestId('two-factor-status')).toHaveAttribute('data-on', 'false')
    expect((await scene.user(user.id)).twoFactor).toBe(false)
    // Without 2FA the password alone signs the user in again.
    expect(await api.portalTokenWorks(await api.portalToken(user.login, e2ePassword))).toBe(true)
  })

  test('Unlock: a user locked by failed sign-ins can sign in again at once', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    for (let attempt = 0; attempt < 10; attempt++) {
      await api.call('POST', '/api/v1/portal/login', { json: { login: user.login, password: 'Wrong-Password-123' } })
    }
    expect((await scene.user(user.id)).locked).toBe(true)
    await scene.openSecurity(user.id)
    await expect(page.getByTestId('lock-status')).toHaveAttribute('data-locked', 'true')
    await expect(page.getByTestId('security-sign-in')).toHaveAttribute('data-state', 'ready')
    await expect(page.getByTestId('failed-attempts')).toHaveText('10')

    await scene.confirm(await scene.open('unlock'), 'HD-3003')
    await scene.expectNotice(`The account of ${user.name} was unlocked.`)
    await expect(page.getByTestId('lock-status')).toHaveAttribute('data-locked', 'false')
    await expect(page.getByTestId('failed-attempts')).toHaveText('0')
    expect((await scene.user(user.id)).locked).toBe(false)
    expect(await api.portalTokenWorks(await api.portalToken(user.login, e2ePassword))).toBe(true)
  })

  test('Grant portal access: the account is active and the welcome email arrives; without a valid email Grant is refused in words', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const archived = (await scene.portalUsers({ status: 'archived' })).filter((user) => user.email !== null && !user.login.startsWith('__deleted_user_'))
    const user = api.take(archived)
    const withoutEmail = api.take(archived)
    if (!user || !withoutEmail) throw new Error('The seed has too few archived portal users')
    const cleared = await scene.call('PATCH', `/api/v1/users/${withoutEmail.id}`, { version: withoutEmail.version, email: null })
    expect(cleared.status).toBe(200)

    await scene.openSecurity(user.id)
    await expect(page.getByTestId('portal-access-status')).toHaveAttribute('data-granted', 'false')
    const dialog = await scene.open('grant-portal-access')
    await expect(dialog.getByTestId('action-consequence')).toContainText(user.email ?? '')
    await scene.confirm(dialog, 'HD-3004')
    await scene.expectNotice(`${user.name} now has portal access; an invitation for ${user.email} was created.`)
    await expect(page.getByTestId('portal-access-status')).toHaveAttribute('data-granted', 'true')
    expect((await scene.user(user.id)).active).toBe(true)
    expect(textBody((await mailTo(mailbox, user.email ?? '')).raw)).toContain('/reset-password?token=')

    await scene.openSecurity(withoutEmail.id)
    await expect(page.getByTestId('grant-precheck')).toContainText('no valid email address')
    const refused = await scene.open('grant-portal-access')
    await refused.getByTestId('action-ticket').fill('HD-3005')
    await refused.getByTestId('action-confirm').click()
    await expect(refused.getByTestId('action-error')).toContainText('Grant was refused: this user has no valid email address. Add one on the General tab first.')
    await expect(refused).toBeVisible()
    await expect(refused.getByTestId('action-ticket')).toHaveValue('HD-3005')
    expect((await scene.user(withoutEmail.id)).active).toBe(false)
  })

  test('Revoke portal access: the user is signed out and can no longer sign in', async ({ page, desk, api }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    const portalToken = await api.portalToken(user.login, e2ePassword)
    await scene.openSecurity(user.id)

    await scene.confirm(await scene.open('revoke-portal-access'), 'HD-3006')
    await scene.expectNotice(`Portal access of ${user.name} was revoked.`)
    await expect(page.getByTestId('portal-access-status')).toHaveAttribute('data-granted', 'false')
    await expect(page.getByTestId('security-archived')).toBeVisible()

    expect((await scene.user(user.id)).active).toBe(false)
    expect(await api.portalTokenWorks(portalToken)).toBe(false)
    expect((await api.call('POST', '/api/v1/portal/login', { json: { login: user.login, password: e2ePassword } })).status).toBe(401)
  })

  test('Re-send invitation: the welcome email arrives again with a link that sets a password', async ({ page, desk, api, mailbox }) => {
    const scene = await SecurityScene.start(page, desk, api)
    const user = await scene.signInablePortalUser()
    await scene.openSecurity(user.id)

    await scene.confirm(await scene.open('reinvite-portal-access'), 'HD-3007')
    await scene.expectNotice(`A new invitation for ${user.email} was created.`)
    await expect(page.getByTestId('reset-link')).toHaveAttribute('data-status', 'pending')
    const mail = await mailTo(mailbox, user.email ?? '')
    expect(textBody(mail.raw)).toContain('/reset-password?token=')
    expect((await scene.user(user.id)).active).toBe(true)
  })
})
